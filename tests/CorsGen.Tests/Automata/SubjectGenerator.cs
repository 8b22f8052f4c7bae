using System.Text;
using CorsGen.Automata;

namespace CorsGen.Tests.Automata;

/// <summary>
/// Subjects biased to near misses: members of the DFA's language and concatenations of the
/// pattern's literals, then small edits (a char changed, inserted or deleted, case flips, ports,
/// dots, a trailing newline, prefixes and suffixes), plus random bytes including <c>\n</c> and bytes &gt;= 0x80.
/// All chars are code units 0..255.
/// </summary>
internal sealed class SubjectGenerator
{
    private const string Common = "ab.:/-_\n0AB\r \u0080\u00ff";
    private static readonly string[] Ports = { ":80", ":8000", ":443", ":90", ":8080", ":" };
    private static readonly string[] Affixes = { "x", ".", "\n", "http://", "https://", "/", "a.", ".com", ":80", "\u00e9", "." + "example.com" };

    private readonly Random _random;
    private readonly Dfa? _dfa;
    private readonly int[]? _distance;
    private readonly List<string> _literals;
    private readonly string _alphabet;

    public SubjectGenerator(Random random, Dfa? dfa, string pattern)
    {
        _random = random;
        _dfa = dfa;
        _literals = PatternCorpus.Literals(pattern);
        var alphabet = new StringBuilder(Common);
        foreach (var literal in _literals)
        {
            alphabet.Append(literal);
        }

        _alphabet = alphabet.ToString();
        if (dfa != null && !dfa.IsEmpty)
        {
            _distance = DistanceToAccept(dfa);
        }
    }

    public string Next()
    {
        var roll = _random.Next(100);
        string subject;
        if (roll < 40 && _distance != null)
        {
            subject = FromLanguage();
        }
        else if (roll < 75 && _literals.Count > 0)
        {
            subject = FromLiterals();
        }
        else if (roll < 90)
        {
            subject = RandomString(_random.Next(0, 12), _alphabet);
        }
        else
        {
            subject = RandomBytes(_random.Next(0, 8));
        }

        var edits = _random.Next(100) < 25 ? 0 : _random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            subject = Mutate(subject);
        }

        return subject;
    }

    /// <summary>A random walk in the DFA that ends in an accepting state (so the subject matches before any edit).</summary>
    private string FromLanguage()
    {
        var dfa = _dfa!;
        var distance = _distance!;
        var builder = new StringBuilder();
        var state = dfa.StartState;
        var budget = _random.Next(0, 25);
        var candidates = new List<int>();
        while (true)
        {
            if (dfa.AcceptsAtEnd[state] && (builder.Length >= budget || _random.Next(4) == 0 || state == dfa.MatchState))
            {
                if (state == dfa.MatchState && _random.Next(2) == 0)
                {
                    builder.Append(RandomString(_random.Next(0, 4), _alphabet));
                }

                return builder.ToString();
            }

            candidates.Clear();
            for (var c = 0; c < dfa.ClassCount; c++)
            {
                var next = dfa.Next(state, c);
                if (distance[next] == int.MaxValue)
                {
                    continue;
                }

                // Past the budget, only move closer to acceptance so the walk ends.
                if (builder.Length >= budget && distance[next] >= distance[state])
                {
                    continue;
                }

                candidates.Add(c);
            }

            if (candidates.Count == 0)
            {
                // Only an accepting state can have no live successor.
                return builder.ToString();
            }

            var cls = candidates[_random.Next(candidates.Count)];
            builder.Append(PickByte(dfa, cls));
            state = dfa.Next(state, cls);
        }
    }

    private char PickByte(Dfa dfa, int cls)
    {
        // Prefer bytes of the class that look like origin text; sometimes any byte of it.
        var members = new List<int>();
        for (var b = 0; b < 256; b++)
        {
            if (dfa.ByteClasses[b] == cls)
            {
                members.Add(b);
            }
        }

        if (_random.Next(3) > 0)
        {
            var nice = members.Where(b => _alphabet.IndexOf((char)b) >= 0).ToList();
            if (nice.Count > 0)
            {
                return (char)nice[_random.Next(nice.Count)];
            }
        }

        return (char)members[_random.Next(members.Count)];
    }

    private static int[] DistanceToAccept(Dfa dfa)
    {
        var distance = new int[dfa.StateCount];
        Array.Fill(distance, int.MaxValue);
        var queue = new Queue<int>();
        for (var s = 0; s < dfa.StateCount; s++)
        {
            if (dfa.AcceptsAtEnd[s])
            {
                distance[s] = 0;
                queue.Enqueue(s);
            }
        }

        var predecessors = new List<int>[dfa.StateCount];
        for (var s = 0; s < dfa.StateCount; s++)
        {
            for (var c = 0; c < dfa.ClassCount; c++)
            {
                (predecessors[dfa.Next(s, c)] ??= new List<int>()).Add(s);
            }
        }

        while (queue.Count > 0)
        {
            var t = queue.Dequeue();
            foreach (var s in predecessors[t] ?? new List<int>())
            {
                if (distance[s] == int.MaxValue)
                {
                    distance[s] = distance[t] + 1;
                    queue.Enqueue(s);
                }
            }
        }

        return distance;
    }

    private string FromLiterals()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            builder.Append(_literals[_random.Next(_literals.Count)]);
            if (_random.Next(3) == 0)
            {
                builder.Append(RandomString(_random.Next(0, 3), _alphabet));
            }
        }

        return builder.ToString();
    }

    private string Mutate(string s)
    {
        var i = _random.Next(s.Length + 1);
        switch (_random.Next(11))
        {
            case 0:
                return s.Length == 0 ? s : s.Remove(Math.Min(i, s.Length - 1), 1).Insert(Math.Min(i, s.Length - 1), RandomChar().ToString());
            case 1:
                return s.Insert(i, RandomChar().ToString());
            case 2:
                return s.Length == 0 ? s : s.Remove(Math.Min(i, s.Length - 1), 1);
            case 3:
                var chars = s.ToCharArray();
                for (var j = 0; j < chars.Length; j++)
                {
                    if (_random.Next(3) == 0 && chars[j] < 128)
                    {
                        chars[j] = char.IsAsciiLetterLower(chars[j]) ? char.ToUpperInvariant(chars[j]) : char.ToLowerInvariant(chars[j]);
                    }
                }

                return new string(chars);
            case 4:
                var colon = s.LastIndexOf(':');
                return colon > 5 && _random.Next(2) == 0 ? s.Substring(0, colon) : s + Ports[_random.Next(Ports.Length)];
            case 5:
                var dot = s.IndexOf('.', Math.Min(i, s.Length));
                return dot >= 0 ? s.Remove(dot, 1) : s;
            case 6:
                return s.Insert(i, ".");
            case 7:
                return s + "\n";
            case 8:
                return Affixes[_random.Next(Affixes.Length)] + s;
            case 9:
                return s + Affixes[_random.Next(Affixes.Length)];
            default:
                return s.Insert(i, RandomBytes(_random.Next(1, 3)));
        }
    }

    private char RandomChar() => _random.Next(4) == 0 ? (char)_random.Next(256) : _alphabet[_random.Next(_alphabet.Length)];

    private string RandomString(int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private string RandomBytes(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = _random.Next(4) == 0 ? '\n' : (char)_random.Next(256);
        }

        return new string(chars);
    }
}
