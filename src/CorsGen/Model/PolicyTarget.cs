namespace CorsGen.Model
{
    /// <summary>
    /// Where a policy class lives, as plain values: enough to re-open it as a partial class and to
    /// name the generated extension class, with no Roslyn symbol kept.
    /// </summary>
    /// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
    /// <param name="Name">The policy class's name, e.g. <c>ShopCors</c>.</param>
    /// <param name="ContainingTypes">Outermost first: the partial types the class is nested in.</param>
    /// <param name="IsPublic">True when the class is visible outside its assembly, so its extension is public too.</param>
    internal sealed record PolicyTarget(
        string? Namespace,
        string Name,
        EquatableArray<ContainingType> ContainingTypes,
        bool IsPublic)
    {
        /// <summary>The dotted name inside the namespace: <c>Outer.ShopCors</c>.</summary>
        public string NestedName
        {
            get
            {
                var name = Name;
                for (var i = ContainingTypes.Count - 1; i >= 0; i--)
                {
                    name = ContainingTypes[i].Name + "." + name;
                }

                return name;
            }
        }

        /// <summary>The full name users see: <c>Shop.Outer.ShopCors</c>.</summary>
        public string DisplayName => Namespace is null ? NestedName : Namespace + "." + NestedName;

        /// <summary>The name to use in generated code: <c>global::Shop.Outer.ShopCors</c>.</summary>
        public string GlobalName => "global::" + DisplayName;

        /// <summary>A name unique within the namespace, usable as an identifier: <c>Outer_ShopCors</c>.</summary>
        public string FlatName => NestedName.Replace('.', '_');

        /// <summary>The generated file's hint name: deterministic and unique per policy class.</summary>
        public string HintName => DisplayName + ".KongCors.g.cs";
    }

    /// <summary>A type a policy class is nested in, re-declared as <c>partial</c> by the generated code.</summary>
    /// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>, with <c>static</c>/<c>ref</c>/<c>readonly</c> where the original has them.</param>
    /// <param name="Name">The type's name.</param>
    internal sealed record ContainingType(string Keyword, string Name);
}
