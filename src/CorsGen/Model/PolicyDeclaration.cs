namespace CorsGen.Model
{
    /// <summary>The result of the generator's first step: one policy class and its attribute, as values.</summary>
    internal sealed record PolicyDeclaration(PolicyTarget Target, PolicySpec Spec);
}
