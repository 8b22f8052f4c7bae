namespace CorsGen.Tests.Rules;

/// <summary>D4's notion of a value that may be matched and reflected.</summary>
internal static class Ascii
{
    public static bool IsVisible(string value) => value.Length is > 0 and <= 4096 && value.All(c => c is >= '!' and <= '~');
}
