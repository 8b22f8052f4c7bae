using System.Xml.Linq;

namespace CorsGen.Tests.Infrastructure;

/// <summary>The repository the tests were built from, found without any project reference.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder holding <c>CorsGen.sln</c>, walking up from the test's output folder.</summary>
    public static string Path => Root.Value;

    /// <summary>The <c>Version</c> of <c>Directory.Build.props</c>: the one version source of the package and the generated code.</summary>
    public static string Version =>
        XDocument.Load(System.IO.Path.Combine(Path, "Directory.Build.props"))
            .Descendants("Version").Single().Value.Trim();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CorsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CorsGen.sln above {AppContext.BaseDirectory}.");
    }
}
