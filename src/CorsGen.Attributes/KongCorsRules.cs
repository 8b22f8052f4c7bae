using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CorsGen
{
    /// <summary>
    /// Kong's <c>cors</c> rules that every policy applies the same way, as primitives over the request's own strings: the
    /// D4 checks of what may be reflected, O8 normalization, and the walks of the origin automata the generator compiles.
    /// For use by CorsGen's generated code and its runtime library; they allocate nothing on the request path. The rule
    /// ids are those of CorsGen's docs/kong-rules.md. They are the same on every target: .NET 8+ gets the vectorized
    /// searches (<c>SearchValues</c>), netstandard2.0 (with System.Memory) plain loops.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class KongCorsRules
    {
        /// <summary>D4: the longest Origin or Access-Control-Request-Headers value that is matched or reflected.</summary>
        public const int MaxReflectedLength = 4096;

#if NET8_0_OR_GREATER
        /// <summary>D4: visible ASCII, '!' to '~', the only chars of an Origin that is matched and reflected.</summary>
        private static readonly SearchValues<char> VisibleAscii = SearchValues.Create(Range('!', '~'));

        /// <summary>The 8-bit alphabet PCRE2 sees, U+0000 to U+00FF.</summary>
        private static readonly SearchValues<char> Latin1 = SearchValues.Create(Range('\u0000', '\u00ff'));

        private static char[] Range(char first, char last)
        {
            var chars = new char[last - first + 1];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(first + i);
            }

            return chars;
        }
#endif

        /// <summary>
        /// D4: the Origin to match and reflect, or <see langword="null"/> when it is absent or empty (R1), or is not a
        /// valid header value to send back: anything but visible ASCII, or longer than 4096 chars.
        /// </summary>
        /// <param name="value">The request's Origin (its first value), or <see langword="null"/>.</param>
        public static string? ValidOrigin(string? value)
        {
            if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)
            {
                return null;
            }

#if NET8_0_OR_GREATER
            return value.AsSpan().ContainsAnyExcept(VisibleAscii) ? null : value;
#else
            foreach (var c in value)
            {
                if (c < '!' || c > '~')
                {
                    return null;
                }
            }

            return value;
#endif
        }

        /// <summary>
        /// D4: whether an Access-Control-Request-Headers value may be reflected: header names (RFC 9110 tokens)
        /// separated by commas, with optional spaces or tabs around them, at most 4096 chars.
        /// </summary>
        /// <param name="value">The request's Access-Control-Request-Headers (its first value), or <see langword="null"/>.</param>
        public static bool IsHeaderNameList(string? value)
        {
            if (value is null || value.Length == 0 || value.Length > MaxReflectedLength)
            {
                return false;
            }

            var i = 0;
            while (true)
            {
                while (i < value.Length && value[i] is ' ' or '\t')
                {
                    i++;
                }

                var start = i;
                while (i < value.Length && IsTokenChar(value[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                while (i < value.Length && value[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i == value.Length)
                {
                    return true;
                }

                if (value[i] != ',')
                {
                    return false;
                }

                i++;
            }
        }

        /// <summary>RFC 9110 <c>tchar</c>.</summary>
        private static bool IsTokenChar(char c) =>
            IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

        private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

        /// <summary>
        /// Whether every char of <paramref name="subject"/> is in the 8-bit alphabet PCRE2 sees (U+0000 to U+00FF): a subject
        /// with any other char matches no regex entry.
        /// </summary>
        /// <param name="subject">The normalized origin or host.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsLatin1(ReadOnlySpan<char> subject)
        {
#if NET8_0_OR_GREATER
            return !subject.ContainsAnyExcept(Latin1);
#else
            foreach (var c in subject)
            {
                if (c > '\u00ff')
                {
                    return false;
                }
            }

            return true;
#endif
        }

        /// <summary>Ordinal: whether <paramref name="subject"/> starts with <paramref name="value"/>.</summary>
        /// <param name="subject">The text.</param>
        /// <param name="value">The literal.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool StartsWith(ReadOnlySpan<char> subject, string value) => subject.StartsWith(value.AsSpan());

        /// <summary>Ordinal: whether <paramref name="subject"/> ends with <paramref name="value"/>.</summary>
        /// <param name="subject">The text.</param>
        /// <param name="value">The literal.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool EndsWith(ReadOnlySpan<char> subject, string value) => subject.EndsWith(value.AsSpan());

        /// <summary>How many leading chars <paramref name="subject"/> and <paramref name="value"/> share (Evaluate's closest entry).</summary>
        /// <param name="subject">The refused origin's normal form.</param>
        /// <param name="value">A literal entry's normal form.</param>
        public static int CommonPrefixLength(ReadOnlySpan<char> subject, string value)
        {
#if NET8_0_OR_GREATER
            return subject.CommonPrefixLength(value);
#else
            var length = Math.Min(subject.Length, value.Length);
            var i = 0;
            while (i < length && subject[i] == value[i])
            {
                i++;
            }

            return i;
#endif
        }

        /// <summary>
        /// O8: Kong's <c>normalize_origin</c> over LuaSocket 3.0-rc1's <c>url.parse</c>, without copying any origin a
        /// browser sends. Drops <c>#fragment</c>, <c>userinfo@</c>, path, query, <c>[]</c> around an IPv6 host, and
        /// <c>:80</c> for http and <c>:443</c> for https; lower-cases nothing. Without <c>//authority</c> (or with an
        /// empty host) the origin is its own normal form.
        /// </summary>
        /// <param name="origin">A request Origin that passed D4 (visible ASCII).</param>
        /// <param name="domain">The normalized <c>scheme://host[:port]</c>: what literal entries are compared with and what is sent back.</param>
        /// <param name="host">The host alone: the subject of host-only regex entries (O7).</param>
        public static void Normalize(string origin, out ReadOnlySpan<char> domain, out ReadOnlySpan<char> host)
        {
            domain = origin.AsSpan();
            host = origin.AsSpan();
            var text = origin.AsSpan();

            // url.parse strips the fragment first.
            var end = text.IndexOf('#');
            if (end < 0)
            {
                end = text.Length;
            }

            // A scheme: ^[A-Za-z0-9][A-Za-z0-9+.-]*:
            var schemeEnd = -1;
            if (end > 0 && IsAsciiLetterOrDigit(text[0]))
            {
                var i = 1;
                while (i < end && (IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
                {
                    i++;
                }

                if (i < end && text[i] == ':')
                {
                    schemeEnd = i;
                }
            }

            // Then an authority: ^//[^/]*. Without one the origin is its own normal form.
            var authorityStart = schemeEnd + 3;
            if (authorityStart > end || text[authorityStart - 2] != '/' || text[authorityStart - 1] != '/')
            {
                return;
            }

            var slash = text.Slice(authorityStart, end - authorityStart).IndexOf('/');
            var authorityEnd = slash < 0 ? end : authorityStart + slash;

            // userinfo@ up to the first '@'; a port after the last ':' that no ':' or ']' follows.
            var at = text.Slice(authorityStart, authorityEnd - authorityStart).IndexOf('@');
            var hostStart = at < 0 ? authorityStart : authorityStart + at + 1;
            var hostEnd = authorityEnd;
            var colon = text.Slice(hostStart, authorityEnd - hostStart).LastIndexOf(':');
            if (colon >= 0 && text.Slice(hostStart + colon, authorityEnd - hostStart - colon).IndexOf(']') < 0)
            {
                hostEnd = hostStart + colon;
            }

            if (hostEnd == hostStart)
            {
                // An empty host: the origin is its own normal form.
                return;
            }

            var hostText = text.Slice(hostStart, hostEnd - hostStart);
            var bracketed = hostText.Length > 2 && hostText[0] == '[' && hostText[hostText.Length - 1] == ']';
            host = bracketed ? hostText.Slice(1, hostText.Length - 2) : hostText;

            // Kong drops the default port of http and https (case-sensitive).
            var scheme = schemeEnd < 0 ? ReadOnlySpan<char>.Empty : text.Slice(0, schemeEnd);
            var hasPort = hostEnd < authorityEnd;
            var port = hasPort ? text.Slice(hostEnd + 1, authorityEnd - hostEnd - 1) : ReadOnlySpan<char>.Empty;
            var keepPort = hasPort
                && !((scheme.SequenceEqual("http".AsSpan()) && port.SequenceEqual("80".AsSpan()))
                    || (scheme.SequenceEqual("https".AsSpan()) && port.SequenceEqual("443".AsSpan())));

            if (at < 0 && !bracketed)
            {
                // Every origin a browser sends: the normal form is a slice of the header, nothing is copied.
                var domainStart = schemeEnd < 0 ? hostStart : 0;
                domain = text.Slice(domainStart, (keepPort ? authorityEnd : hostEnd) - domainStart);
                return;
            }

            // userinfo or an IPv6 host: the normal form is not one slice of the header, so it is built.
#if NET8_0_OR_GREATER
            var prefix = string.Concat(scheme, schemeEnd < 0 ? ReadOnlySpan<char>.Empty : "://", host);
            domain = keepPort ? string.Concat(prefix, ":", port) : prefix;
#else
            var prefix = schemeEnd < 0 ? host.ToString() : scheme.ToString() + "://" + host.ToString();
            domain = (keepPort ? prefix + ":" + port.ToString() : prefix).AsSpan();
#endif
        }

        /// <summary>The normalized origin as the string to send: the header itself when it is already normal.</summary>
        /// <param name="origin">The request's Origin (valid, D4).</param>
        /// <param name="domain">Its normal form, from <see cref="Normalize"/>.</param>
        public static string AllowOriginFor(string origin, ReadOnlySpan<char> domain) =>
            domain.Length == origin.Length ? origin : domain.ToString();

        /// <summary>Up to this many NFA states the three state sets of <see cref="MatchesNfa"/> (12 KB at most) are on the stack.</summary>
        private const int MaxStackNfaStates = 1024;

        /// <summary>
        /// The fallback matcher of regex entries whose DFA would exceed the state cap (CORS011), compiled or configured: the
        /// NFA simulated over the subject, one set of states per code unit, so still linear in the subject's length. State 0
        /// is the absorbing accept. The state sets live on the stack up to 1,024 states, else in the shared array pool:
        /// nothing is allocated per call.
        /// </summary>
        /// <param name="subject">The normalized origin or host.</param>
        /// <param name="classes">The class of each Latin-1 char.</param>
        /// <param name="classCount">How many classes there are.</param>
        /// <param name="startStates">The states before the first char.</param>
        /// <param name="successorStarts">For a state and a class, where its successors start in <paramref name="successors"/>.</param>
        /// <param name="successors">The successor states, grouped by state and class.</param>
        /// <param name="acceptsAtEnd">Whether a state accepts at the end of the subject.</param>
        public static bool MatchesNfa(
            ReadOnlySpan<char> subject,
            ReadOnlySpan<byte> classes,
            int classCount,
            ReadOnlySpan<int> startStates,
            ReadOnlySpan<int> successorStarts,
            ReadOnlySpan<int> successors,
            ReadOnlySpan<bool> acceptsAtEnd)
        {
            var stateCount = acceptsAtEnd.Length;
            int[]? rented = null;
            var sets = stateCount <= MaxStackNfaStates
                ? stackalloc int[stateCount * 3]
                : (rented = ArrayPool<int>.Shared.Rent(stateCount * 3)).AsSpan(0, stateCount * 3);
            try
            {
                var current = sets.Slice(0, stateCount);
                var next = sets.Slice(stateCount, stateCount);
                var seen = sets.Slice(2 * stateCount, stateCount);
                seen.Clear();
                var count = 0;
                foreach (var state in startStates)
                {
                    if (state == 0)
                    {
                        return true;
                    }

                    current[count++] = state;
                }

                var step = 0;
                foreach (var c in subject)
                {
                    if (count == 0 || c > '\u00ff')
                    {
                        return false;
                    }

                    var cls = classes[c];
                    var nextCount = 0;
                    step++;
                    for (var i = 0; i < count; i++)
                    {
                        var index = (current[i] * classCount) + cls;
                        for (var j = successorStarts[index]; j < successorStarts[index + 1]; j++)
                        {
                            var target = successors[j];
                            if (target == 0)
                            {
                                return true;
                            }

                            if (seen[target] != step)
                            {
                                seen[target] = step;
                                next[nextCount++] = target;
                            }
                        }
                    }

                    var swap = current;
                    current = next;
                    next = swap;
                    count = nextCount;
                }

                for (var i = 0; i < count; i++)
                {
                    if (acceptsAtEnd[current[i]])
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<int>.Shared.Return(rented);
                }
            }
        }

        /// <summary>
        /// O8, O9 for long literal lists: the entry of <paramref name="sorted"/> (normalized, in ordinal order) equal to
        /// <paramref name="domain"/>, by binary search, or <see langword="null"/>.
        /// </summary>
        /// <param name="sorted">The normalized literal entries, in ordinal order.</param>
        /// <param name="domain">The request's normalized origin.</param>
        public static string? FindLiteral(string[] sorted, ReadOnlySpan<char> domain)
        {
            var low = 0;
            var high = sorted.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var order = sorted[middle].AsSpan().SequenceCompareTo(domain);
                if (order == 0)
                {
                    return sorted[middle];
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return null;
        }

        /// <summary>
        /// How many characters of <paramref name="subject"/> a regex entry's DFA reads before no match is possible any more
        /// (the position where the entry stops matching); the subject's length when it reads all of it. The DFA is given as
        /// tables: <paramref name="classes"/> maps a char to its class (a char past its end stops the match),
        /// <paramref name="transitions"/> a state and a class to the next state; <paramref name="dead"/> and
        /// <paramref name="match"/> are -1 when the DFA has no such state.
        /// </summary>
        /// <param name="subject">The refused origin's normal form, or its host.</param>
        /// <param name="classes">The class of each char, as a string of class numbers.</param>
        /// <param name="classCount">How many classes there are.</param>
        /// <param name="transitions">The next state of each state and class, as a string.</param>
        /// <param name="state">The start state.</param>
        /// <param name="dead">The state that never matches, or -1.</param>
        /// <param name="match">The state that always matches, or -1.</param>
        public static int MatchedPrefix(ReadOnlySpan<char> subject, string classes, int classCount, string transitions, int state, int dead, int match)
        {
            for (var i = 0; i < subject.Length; i++)
            {
                if (state == match)
                {
                    return subject.Length;
                }

                var c = subject[i];
                if (c >= classes.Length)
                {
                    return i;
                }

                state = transitions[(state * classCount) + classes[c]];
                if (state == dead)
                {
                    return i;
                }
            }

            return subject.Length;
        }
    }
}
