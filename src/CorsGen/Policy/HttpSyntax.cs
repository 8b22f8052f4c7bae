namespace CorsGen.Policy
{
    /// <summary>HTTP grammar checks (RFC 9110) used to validate methods and header names at build time.</summary>
    internal static class HttpSyntax
    {
        /// <summary><c>token = 1*tchar</c>: the syntax of a method and of a field name.</summary>
        public static bool IsToken(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            foreach (var c in value!)
            {
                if (!IsTokenChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>tchar = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA</c>.</summary>
        public static bool IsTokenChar(char c)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                return true;
            }

            switch (c)
            {
                case '!':
                case '#':
                case '$':
                case '%':
                case '&':
                case '\'':
                case '*':
                case '+':
                case '-':
                case '.':
                case '^':
                case '_':
                case '`':
                case '|':
                case '~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
