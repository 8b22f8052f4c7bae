using System.Runtime.InteropServices;
using System.Text;

namespace CorsGen.Tests.Oracle;

/// <summary>
/// The machine's real PCRE2 (libpcre2-8, the 8-bit library Kong's OpenResty links), called through
/// P/Invoke: the oracle for our PCRE parser and matcher. Patterns and subjects are passed as bytes,
/// as Kong passes Lua strings: a string's chars must be 0..255 (Latin-1), or it is UTF-8 encoded
/// when the caller asks for UTF-8.
/// </summary>
internal static unsafe class Pcre2
{
    private const string Library = "libpcre2-8.so.0";

    /// <summary>PCRE2_ANCHORED: the match must start at the start offset (Kong's "a" flag).</summary>
    public const uint Anchored = 0x80000000u;

    [DllImport(Library, EntryPoint = "pcre2_compile_8")]
    private static extern IntPtr Compile(byte* pattern, nuint length, uint options, out int errorCode, out nuint errorOffset, IntPtr context);

    [DllImport(Library, EntryPoint = "pcre2_code_free_8")]
    private static extern void CodeFree(IntPtr code);

    [DllImport(Library, EntryPoint = "pcre2_get_error_message_8")]
    private static extern int GetErrorMessage(int errorCode, byte* buffer, nuint bufferLength);

    [DllImport(Library, EntryPoint = "pcre2_match_data_create_from_pattern_8")]
    private static extern IntPtr MatchDataCreate(IntPtr code, IntPtr generalContext);

    [DllImport(Library, EntryPoint = "pcre2_match_data_free_8")]
    private static extern void MatchDataFree(IntPtr matchData);

    [DllImport(Library, EntryPoint = "pcre2_match_8")]
    private static extern int Match(IntPtr code, byte* subject, nuint length, nuint startOffset, uint options, IntPtr matchData, IntPtr context);

    [DllImport(Library, EntryPoint = "pcre2_jit_compile_8")]
    private static extern int JitCompile(IntPtr code, uint options);

    /// <summary>True when libpcre2-8 can be loaded on this machine.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                return NativeLibrary.TryLoad(Library, out _);
            }
            catch
            {
                return false;
            }
        }
    }

    public static byte[] ToBytes(string text, bool utf8 = false)
    {
        if (utf8)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF)
            {
                throw new ArgumentException($"char U+{(int)text[i]:X4} at {i} is not a byte; pass utf8: true", nameof(text));
            }

            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    /// <summary>Compiles <paramref name="pattern"/> with no options, as Kong's schema validator does.</summary>
    public static CompileResult TryCompile(string pattern, bool utf8 = false) => TryCompile(ToBytes(pattern, utf8));

    public static CompileResult TryCompile(byte[] pattern, uint options = 0)
    {
        fixed (byte* p = pattern)
        {
            var code = Compile(p == null ? (byte*)1 : p, (nuint)pattern.Length, options, out var error, out var offset, IntPtr.Zero);
            if (code == IntPtr.Zero)
            {
                return new CompileResult(false, error, ErrorMessage(error), (int)offset);
            }

            CodeFree(code);
            return new CompileResult(true, 0, "", 0);
        }
    }

    public static string ErrorMessage(int errorCode)
    {
        var buffer = stackalloc byte[512];
        var length = GetErrorMessage(errorCode, buffer, 512);
        return length < 0 ? $"error {errorCode}" : Encoding.ASCII.GetString(buffer, length);
    }

    /// <summary>A compiled pattern, reusable for many subjects. Dispose it.</summary>
    public static Regex Create(string pattern, bool jit = false, bool utf8 = false) => new Regex(ToBytes(pattern, utf8), jit);

    public readonly record struct CompileResult(bool Ok, int ErrorCode, string Message, int ErrorOffset);

    public sealed class Regex : IDisposable
    {
        private IntPtr _code;
        private IntPtr _matchData;

        internal Regex(byte[] pattern, bool jit)
        {
            int error;
            nuint offset;
            fixed (byte* p = pattern)
            {
                _code = Compile(p == null ? (byte*)1 : p, (nuint)pattern.Length, 0, out error, out offset, IntPtr.Zero);
            }

            if (_code == IntPtr.Zero)
            {
                var result = ErrorMessage(error);
                throw new ArgumentException($"PCRE2 rejects the pattern: {result} at offset {offset}");
            }

            if (jit)
            {
                // PCRE2_JIT_COMPLETE = 1
                var rc = JitCompile(_code, 1);
                if (rc != 0)
                {
                    throw new InvalidOperationException($"pcre2_jit_compile failed: {rc}");
                }
            }

            _matchData = MatchDataCreate(_code, IntPtr.Zero);
        }

        /// <summary>Kong's match: anchored at offset 0 (<c>ngx.re.find(subject, regex, "ajo")</c>).</summary>
        public bool IsAnchoredMatch(string subject) => IsAnchoredMatch(ToBytes(subject));

        public bool IsAnchoredMatch(ReadOnlySpan<byte> subject)
        {
            fixed (byte* s = subject)
            {
                var rc = Match(_code, s == null ? (byte*)1 : s, (nuint)subject.Length, 0, Anchored, _matchData, IntPtr.Zero);
                if (rc >= 0)
                {
                    return true;
                }

                // PCRE2_ERROR_NOMATCH = -1; anything else is a real error (match limit, ...).
                if (rc == -1)
                {
                    return false;
                }

                throw new InvalidOperationException($"pcre2_match failed: {rc} ({ErrorMessage(rc)})");
            }
        }

        /// <summary>
        /// As <see cref="IsAnchoredMatch(ReadOnlySpan{byte})"/>, but a match-limit error (PCRE2's guard against
        /// catastrophic backtracking, -47) counts as no match, as Kong logs it and moves on.
        /// </summary>
        public bool IsAnchoredMatchOrLimit(ReadOnlySpan<byte> subject)
        {
            fixed (byte* s = subject)
            {
                var rc = Match(_code, s == null ? (byte*)1 : s, (nuint)subject.Length, 0, Anchored, _matchData, IntPtr.Zero);
                return rc >= 0;
            }
        }

        public void Dispose()
        {
            if (_matchData != IntPtr.Zero)
            {
                MatchDataFree(_matchData);
                _matchData = IntPtr.Zero;
            }

            if (_code != IntPtr.Zero)
            {
                CodeFree(_code);
                _code = IntPtr.Zero;
            }
        }
    }
}
