namespace CorsGen.Pcre
{
    internal sealed partial class PcreScanner
    {
        private static readonly (string Name, GroupKind Kind)[] AlphaAssertions =
        {
            ("pla", GroupKind.Lookahead),
            ("plb", GroupKind.Lookbehind),
            ("napla", GroupKind.NonAtomicLookahead),
            ("naplb", GroupKind.NonAtomicLookbehind),
            ("nla", GroupKind.NegativeLookahead),
            ("nlb", GroupKind.NegativeLookbehind),
            ("positive_lookahead", GroupKind.Lookahead),
            ("positive_lookbehind", GroupKind.Lookbehind),
            ("non_atomic_positive_lookahead", GroupKind.NonAtomicLookahead),
            ("non_atomic_positive_lookbehind", GroupKind.NonAtomicLookbehind),
            ("negative_lookahead", GroupKind.NegativeLookahead),
            ("negative_lookbehind", GroupKind.NegativeLookbehind),
            ("atomic", GroupKind.Atomic),
            ("sr", GroupKind.ScriptRun),
            ("asr", GroupKind.ScriptRun),
            ("script_run", GroupKind.ScriptRun),
            ("atomic_script_run", GroupKind.ScriptRun),
        };

        // Verb names; an empty name is (*MARK). HasArg > 0: required, < 0: optional and turned into a MARK, 0: optional.
        private static readonly (string Name, VerbKind Kind, int HasArg)[] Verbs =
        {
            ("", VerbKind.Mark, 1),
            ("MARK", VerbKind.Mark, 1),
            ("ACCEPT", VerbKind.Accept, -1),
            ("F", VerbKind.Fail, -1),
            ("FAIL", VerbKind.Fail, -1),
            ("COMMIT", VerbKind.Commit, 0),
            ("PRUNE", VerbKind.Prune, 0),
            ("SKIP", VerbKind.Skip, 0),
            ("THEN", VerbKind.Then, 0),
        };

        private static readonly string CalloutStartDelimiters = "`'\"^%#${";
        private static readonly string CalloutEndDelimiters = "`'\"^%#$}";

        /// <summary>Everything starting with '(', with the pointer after it.</summary>
        private bool ScanParenthesis(
            int thisPtr,
            int prevExpectCondAssert,
            ref bool okQuantifier,
            ref int expectCondAssert,
            ref bool inVerbName,
            ref int verbNameStart,
            ref int verbStart,
            ref VerbKind verbKind,
            ref string verbText)
        {
            if (_ptr >= _end)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            if (_p[_ptr] != '?')
            {
                if (_p[_ptr] != '*')
                {
                    // A plain group: capturing unless (?n) is in force.
                    _nestDepth++;
                    if ((_options & PcreOptions.NoAutoCapture) == 0)
                    {
                        if (GroupCount >= MaxGroupNumber)
                        {
                            return Fail(PcreErrors.TooManyGroups, _ptr);
                        }

                        GroupCount++;
                        OpenGroup(GroupKind.Capture, thisPtr).Number = GroupCount;
                    }
                    else
                    {
                        OpenGroup(GroupKind.NonCapture, thisPtr);
                    }

                    return true;
                }

                // "(*" at the end or "(*)": nothing here; the '*' then fails as a quantifier.
                if (_end - _ptr <= 1 || _p[_ptr + 1] == ')')
                {
                    return true;
                }

                return PcreCharTables.IsLowerLetter(_p[_ptr + 1])
                    ? ScanAlphaAssertion(thisPtr, prevExpectCondAssert)
                    : ScanVerb(thisPtr, ref okQuantifier, ref inVerbName, ref verbNameStart, ref verbStart, ref verbKind, ref verbText);
            }

            if (++_ptr >= _end)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            switch (_p[_ptr])
            {
                default:
                    if (_p[_ptr] == '-' && _end - _ptr > 1 && PcreCharTables.IsDigit(_p[_ptr + 1]))
                    {
                        return ScanRecursionByNumber(thisPtr, ref okQuantifier);
                    }

                    return ScanOptionsOrBranchReset(thisPtr);

                case (byte)'P':
                    if (++_ptr >= _end)
                    {
                        return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
                    }

                    if (_p[_ptr] == '<')
                    {
                        return DefineNamedGroup(thisPtr, '>');
                    }

                    if (_p[_ptr] == '>')
                    {
                        return ScanRecursionByName(thisPtr, ref okQuantifier);
                    }

                    if (_p[_ptr] != '=')
                    {
                        return Fail(PcreErrors.UnrecognizedAfterP, _ptr);
                    }

                    if (!ReadName(ref _ptr, ')', out var name, out var nameOffset))
                    {
                        return false;
                    }

                    Branch.Add(new ParsedBackreference(0, name, nameOffset, thisPtr, _ptr));
                    okQuantifier = true;
                    return true;

                case (byte)'R':
                    _ptr++;
                    if (_ptr >= _end || _p[_ptr] != ')')
                    {
                        return Fail(PcreErrors.RecursionMissingParenthesis, _ptr);
                    }

                    return SetRecursion(thisPtr, 0, ref okQuantifier);

                case (byte)'+':
                    if (_end - _ptr < 2 || !PcreCharTables.IsDigit(_p[_ptr + 1]))
                    {
                        return Fail(PcreErrors.DigitExpectedAfterPlusMinus, _ptr);
                    }

                    return ScanRecursionByNumber(thisPtr, ref okQuantifier);

                case (byte)'0':
                case (byte)'1':
                case (byte)'2':
                case (byte)'3':
                case (byte)'4':
                case (byte)'5':
                case (byte)'6':
                case (byte)'7':
                case (byte)'8':
                case (byte)'9':
                    return ScanRecursionByNumber(thisPtr, ref okQuantifier);

                case (byte)'&':
                    return ScanRecursionByName(thisPtr, ref okQuantifier);

                case (byte)'C':
                    return ScanCallout(thisPtr, prevExpectCondAssert, ref expectCondAssert);

                case (byte)'(':
                    return ScanConditional(thisPtr, ref expectCondAssert);

                case (byte)'>':
                    OpenGroup(GroupKind.Atomic, thisPtr);
                    _nestDepth++;
                    _ptr++;
                    return true;

                case (byte)'=':
                    _ptr++;
                    return OpenAssertion(GroupKind.Lookahead, thisPtr, prevExpectCondAssert);

                case (byte)'*':
                    _ptr++;
                    return OpenAssertion(GroupKind.NonAtomicLookahead, thisPtr, prevExpectCondAssert);

                case (byte)'!':
                    _ptr++;
                    return OpenAssertion(GroupKind.NegativeLookahead, thisPtr, prevExpectCondAssert);

                case (byte)'<':
                    if (_end - _ptr <= 1 || (_p[_ptr + 1] != '=' && _p[_ptr + 1] != '!' && _p[_ptr + 1] != '*'))
                    {
                        return DefineNamedGroup(thisPtr, '>');
                    }

                    var kind = _p[_ptr + 1] == '=' ? GroupKind.Lookbehind
                        : _p[_ptr + 1] == '!' ? GroupKind.NegativeLookbehind
                        : GroupKind.NonAtomicLookbehind;
                    return OpenLookbehind(kind, thisPtr, prevExpectCondAssert);

                case (byte)'\'':
                    return DefineNamedGroup(thisPtr, '\'');
            }
        }

        /// <summary>(*pla: (*atomic: (*sr: ... with the pointer on '*'.</summary>
        private bool ScanAlphaAssertion(int thisPtr, int prevExpectCondAssert)
        {
            if (!ReadName(ref _ptr, 0, out var name, out _))
            {
                return false;
            }

            if (_ptr >= _end || _p[_ptr] != ':')
            {
                return Fail(PcreErrors.AlphaAssertionUnknown, _ptr);
            }

            var index = -1;
            for (var i = 0; i < AlphaAssertions.Length; i++)
            {
                if (AlphaAssertions[i].Name == name)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return Fail(PcreErrors.AlphaAssertionUnknown, _ptr);
            }

            var kind = AlphaAssertions[index].Kind;
            if (prevExpectCondAssert > 0 && kind != GroupKind.Lookahead && kind != GroupKind.NegativeLookahead &&
                kind != GroupKind.Lookbehind && kind != GroupKind.NegativeLookbehind)
            {
                return Fail(
                    kind == GroupKind.NonAtomicLookahead || kind == GroupKind.NonAtomicLookbehind
                        ? PcreErrors.AtomicAssertionExpected
                        : PcreErrors.AssertionExpected,
                    _ptr);
            }

            switch (kind)
            {
                case GroupKind.Atomic:
                    OpenGroup(GroupKind.Atomic, thisPtr);
                    _nestDepth++;
                    _ptr++;
                    return true;

                case GroupKind.Lookahead:
                case GroupKind.NonAtomicLookahead:
                case GroupKind.NegativeLookahead:
                    _ptr++;
                    return OpenAssertion(kind, thisPtr, prevExpectCondAssert);

                case GroupKind.ScriptRun:
                    var group = OpenGroup(GroupKind.ScriptRun, thisPtr);
                    _nestDepth++;
                    _ptr++;
                    if (name == "asr" || name == "atomic_script_run")
                    {
                        group.AtomicScriptRun = true;
                        if (!PushNest(NsfAtomicScriptRun))
                        {
                            return false;
                        }
                    }

                    return true;

                default: // lookbehinds: PCRE2 backs up one unit, as if "(?<=" had been read
                    _ptr--;
                    return OpenLookbehind(kind, thisPtr, prevExpectCondAssert);
            }
        }

        /// <summary>The pointer is on the '&lt;' of "(?&lt;=" (or two before the end of an alpha assertion name).</summary>
        private bool OpenLookbehind(GroupKind kind, int thisPtr, int prevExpectCondAssert)
        {
            HasLookbehind = true;
            var errorOffset = _ptr - 2;
            _ptr += 2;
            if (!OpenAssertion(kind, thisPtr, prevExpectCondAssert))
            {
                return false;
            }

            _frames[_frames.Count - 1].LookbehindErrorOffset = errorOffset;
            return true;
        }

        private bool OpenAssertion(GroupKind kind, int thisPtr, int prevExpectCondAssert)
        {
            _nestDepth++;
            OpenGroup(kind, thisPtr);
            return prevExpectCondAssert <= 0 || PushNest(NsfCondAssert);
        }

        /// <summary>(*VERB) and (*VERB:NAME), with the pointer on '*'.</summary>
        private bool ScanVerb(
            int thisPtr,
            ref bool okQuantifier,
            ref bool inVerbName,
            ref int verbNameStart,
            ref int verbStart,
            ref VerbKind verbKind,
            ref string verbText)
        {
            if (!ReadName(ref _ptr, 0, out var name, out _))
            {
                return false;
            }

            if (_ptr >= _end || (_p[_ptr] != ':' && _p[_ptr] != ')'))
            {
                return Fail(PcreErrors.VerbUnknown, _ptr);
            }

            var index = -1;
            for (var i = 0; i < Verbs.Length; i++)
            {
                if (Verbs[i].Name == name)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return Fail(PcreErrors.VerbUnknown, _ptr);
            }

            // An empty argument is no argument.
            if (_p[_ptr] == ':' && _ptr + 1 < _end && _p[_ptr + 1] == ')')
            {
                _ptr++;
            }

            var verb = Verbs[index];
            if (verb.HasArg > 0 && _p[_ptr] != ':')
            {
                return Fail(PcreErrors.MarkNeedsArgument, _ptr);
            }

            okQuantifier = verb.Kind == VerbKind.Accept;
            var text = "(*" + (name.Length == 0 ? "MARK" : name) + ")";
            if (_p[_ptr++] == ':')
            {
                inVerbName = true;
                verbNameStart = _ptr;
                verbStart = thisPtr;
                verbKind = verb.Kind;
                verbText = text;
            }
            else
            {
                Branch.Add(new ParsedVerb(verb.Kind, text, thisPtr, _ptr));
            }

            return true;
        }

        /// <summary>(?|, (?:, (?imnsxJU-imnsxJU) and (?imnsx...: with the pointer after '?'.</summary>
        private bool ScanOptionsOrBranchReset(int thisPtr)
        {
            _nestDepth++;
            if (!PushNest(0))
            {
                return false;
            }

            if (_p[_ptr] == '|')
            {
                _nests[_top].ResetGroup = GroupCount;
                _nests[_top].MaxGroup = GroupCount;
                _nests[_top].Flags |= NsfReset;
                DuplicateGroupNumbers = true;
                OpenGroup(GroupKind.BranchReset, thisPtr);
                _ptr++;
                return true;
            }

            var hyphenOk = true;
            PcreOptions set = 0, unset = 0;
            var unsetting = false;
            if (_ptr < _end && _p[_ptr] == '^')
            {
                _options &= ~(PcreOptions.Caseless | PcreOptions.Multiline | PcreOptions.NoAutoCapture |
                              PcreOptions.DotAll | PcreOptions.Extended | PcreOptions.ExtendedMore);
                hyphenOk = false;
                _ptr++;
            }

            while (_ptr < _end && _p[_ptr] != ')' && _p[_ptr] != ':')
            {
                PcreOptions option;
                switch (_p[_ptr++])
                {
                    case (byte)'-':
                        if (!hyphenOk)
                        {
                            return Fail(PcreErrors.InvalidHyphenInOptions, _ptr - 1);
                        }

                        unsetting = true;
                        hyphenOk = false;
                        continue;
                    case (byte)'J':
                        option = PcreOptions.DupNames;
                        break;
                    case (byte)'i':
                        option = PcreOptions.Caseless;
                        break;
                    case (byte)'m':
                        option = PcreOptions.Multiline;
                        break;
                    case (byte)'n':
                        option = PcreOptions.NoAutoCapture;
                        break;
                    case (byte)'s':
                        option = PcreOptions.DotAll;
                        break;
                    case (byte)'U':
                        option = PcreOptions.Ungreedy;
                        break;
                    case (byte)'x':
                        option = PcreOptions.Extended;
                        if (_ptr < _end && _p[_ptr] == 'x')
                        {
                            option |= PcreOptions.ExtendedMore;
                            _ptr++;
                        }

                        break;
                    default:
                        return Fail(PcreErrors.UnrecognizedAfterQuestion, _ptr - 1);
                }

                if (unsetting)
                {
                    unset |= option;
                }
                else
                {
                    set |= option;
                }
            }

            // Setting x without xx, or unsetting x, also unsets xx.
            if ((set & (PcreOptions.Extended | PcreOptions.ExtendedMore)) == PcreOptions.Extended || (unset & PcreOptions.Extended) != 0)
            {
                unset |= PcreOptions.ExtendedMore;
            }

            _options = (_options | set) & ~unset;

            if (_ptr >= _end)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            if (_p[_ptr++] == ')')
            {
                // Not a group: the change lasts to the end of the enclosing group.
                _nestDepth--;
                if (_top > 0 && _nests[_top - 1].NestDepth == _nestDepth)
                {
                    _top--;
                }
                else
                {
                    _nests[_top].NestDepth = _nestDepth;
                }
            }
            else
            {
                OpenGroup(GroupKind.NonCapture, thisPtr);
            }

            return true;
        }

        /// <summary>(?1) (?+1) (?-1), with the pointer on the sign or first digit.</summary>
        private bool ScanRecursionByNumber(int thisPtr, ref bool okQuantifier)
        {
            var relativeTo = PcreCharTables.IsDigit(_p[_ptr]) ? -1 : GroupCount;
            if (!ReadNumber(ref _ptr, relativeTo, MaxGroupNumber, PcreErrors.SubpatternNumberTooBig, out var number, out var error))
            {
                return Fail(error, _ptr);
            }

            if (_ptr >= _end || _p[_ptr] != ')')
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            return SetRecursion(thisPtr, number, ref okQuantifier);
        }

        /// <summary>The pointer is on the closing parenthesis or terminator.</summary>
        private bool SetRecursion(int thisPtr, int number, ref bool okQuantifier)
        {
            var errorOffset = _ptr;
            _ptr++;
            Branch.Add(new ParsedRecursion(number, null, errorOffset, thisPtr, _ptr));
            okQuantifier = true;
            return true;
        }

        /// <summary>(?&amp;name) and (?P&gt;name), with the pointer on '&amp;' or '&gt;'.</summary>
        private bool ScanRecursionByName(int thisPtr, ref bool okQuantifier)
        {
            if (!ReadName(ref _ptr, ')', out var name, out var nameOffset))
            {
                return false;
            }

            Branch.Add(new ParsedRecursion(0, name, nameOffset, thisPtr, _ptr));
            okQuantifier = true;
            return true;
        }

        /// <summary>(?&lt;name&gt; (?'name' (?P&lt;name&gt;, with the pointer on the character before the name.</summary>
        private bool DefineNamedGroup(int thisPtr, int terminator)
        {
            if (!ReadName(ref _ptr, terminator, out var name, out _))
            {
                return false;
            }

            if (GroupCount >= MaxGroupNumber)
            {
                return Fail(PcreErrors.TooManyGroups, _ptr);
            }

            GroupCount++;
            var group = OpenGroup(GroupKind.Capture, thisPtr);
            group.Number = GroupCount;
            group.Name = name;
            _nestDepth++;

            if (Names.Count >= MaxNameCount)
            {
                return Fail(PcreErrors.TooManyNames, _ptr);
            }

            var isDuplicate = false;
            for (var i = 0; i < Names.Count; i++)
            {
                var known = Names[i];
                if (known.Name == name)
                {
                    if (known.Number == GroupCount)
                    {
                        return true; // the same name for the same number (in a (?| group): nothing new
                    }

                    if ((_options & PcreOptions.DupNames) == 0)
                    {
                        return Fail(PcreErrors.DuplicateName, _ptr);
                    }

                    isDuplicate = true;
                    known.IsDuplicate = true;
                }
                else if (known.Number == GroupCount)
                {
                    return Fail(PcreErrors.DifferentNamesSameNumber, _ptr);
                }
            }

            Names.Add(new NamedGroup(name, GroupCount, isDuplicate));
            return true;
        }

        /// <summary>(?C), (?Cn), (?C"text"), with the pointer on 'C'.</summary>
        private bool ScanCallout(int thisPtr, int prevExpectCondAssert, ref int expectCondAssert)
        {
            if (++_ptr >= _end)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            // Before a condition's assertion, one callout is allowed.
            expectCondAssert = prevExpectCondAssert - 1;
            int? compileOffset = null;
            var stringLength = -1;
            if (_p[_ptr] != ')' && !PcreCharTables.IsDigit(_p[_ptr]))
            {
                var startPtr = _ptr;
                var which = CalloutStartDelimiters.IndexOf((char)_p[_ptr]);
                if (which < 0)
                {
                    return Fail(PcreErrors.CalloutBadDelimiter, _ptr);
                }

                var delimiter = CalloutEndDelimiters[which];
                while (true)
                {
                    if (++_ptr >= _end)
                    {
                        return Fail(PcreErrors.CalloutStringUnterminated, startPtr);
                    }

                    // A doubled delimiter stands for itself.
                    if (_p[_ptr] == delimiter && (++_ptr >= _end || _p[_ptr] != delimiter))
                    {
                        break;
                    }
                }

                compileOffset = startPtr;
                stringLength = _ptr - startPtr;
            }
            else
            {
                var n = 0;
                while (_ptr < _end && PcreCharTables.IsDigit(_p[_ptr]))
                {
                    n = n * 10 + (_p[_ptr++] - '0');
                    if (n > 255)
                    {
                        return Fail(PcreErrors.CalloutNumberTooBig, _ptr);
                    }
                }
            }

            if (_ptr >= _end || _p[_ptr] != ')')
            {
                return Fail(PcreErrors.CalloutMissingParenthesis, _ptr);
            }

            _ptr++;
            Branch.Add(new ParsedCallout(thisPtr, _ptr) { CompileOffset = compileOffset, StringLength = stringLength });
            return true;
        }

        /// <summary>(?(condition)..., with the pointer on the second '('.</summary>
        private bool ScanConditional(int thisPtr, ref int expectCondAssert)
        {
            if (++_ptr >= _end)
            {
                return Fail(PcreErrors.MissingClosingParenthesis, _ptr);
            }

            _nestDepth++;
            var group = OpenGroup(GroupKind.Conditional, thisPtr);

            // An assertion condition is read as the group's first item.
            if (_p[_ptr] == '?' || _p[_ptr] == '*')
            {
                group.Condition = ConditionKind.Assertion;
                _ptr--;
                expectCondAssert = 2;
                return true;
            }

            if (ReadNumber(ref _ptr, GroupCount, MaxGroupNumber, PcreErrors.SubpatternNumberTooBig, out var number, out var error))
            {
                if (number <= 0)
                {
                    return Fail(PcreErrors.NonExistentSubpattern, _ptr);
                }

                group.Condition = ConditionKind.Number;
                group.ConditionNumber = number;
                group.ConditionOffset = _ptr - 2;
            }
            else if (error != 0)
            {
                return Fail(error, _ptr);
            }
            else if (_end - _ptr >= 10 && Matches(_ptr, "VERSION") && _p[_ptr + 7] != ')')
            {
                _ptr += 7;
                if (_p[_ptr] == '>')
                {
                    _ptr++;
                }

                if (_p[_ptr] != '=')
                {
                    return Fail(PcreErrors.BadVersionCondition, _ptr);
                }

                _ptr++;
                if (!PcreCharTables.IsDigit(_p[_ptr]))
                {
                    return Fail(PcreErrors.BadVersionCondition, _ptr);
                }

                if (!ReadNumber(ref _ptr, -1, 1000, PcreErrors.BadVersionCondition, out _, out error))
                {
                    return Fail(error, _ptr);
                }

                if (_ptr >= _end)
                {
                    return Fail(PcreErrors.BadVersionCondition, _ptr);
                }

                if (_p[_ptr] == '.')
                {
                    if (++_ptr >= _end || !PcreCharTables.IsDigit(_p[_ptr]))
                    {
                        return Fail(PcreErrors.BadVersionCondition, _ptr);
                    }

                    _ptr++;
                    if (_ptr >= _end)
                    {
                        return Fail(PcreErrors.BadVersionCondition, _ptr);
                    }

                    if (PcreCharTables.IsDigit(_p[_ptr]))
                    {
                        _ptr++;
                    }

                    if (_ptr >= _end || _p[_ptr] != ')')
                    {
                        return Fail(PcreErrors.BadVersionCondition, _ptr);
                    }
                }

                group.Condition = ConditionKind.Version;
            }
            else
            {
                var wasRAmpersand = false;
                int terminator;
                if (_p[_ptr] == 'R' && _end - _ptr > 1 && _p[_ptr + 1] == '&')
                {
                    terminator = ')';
                    wasRAmpersand = true;
                    _ptr++;
                }
                else if (_p[_ptr] == '<')
                {
                    terminator = '>';
                }
                else if (_p[_ptr] == '\'')
                {
                    terminator = '\'';
                }
                else
                {
                    terminator = ')';
                    _ptr--;
                }

                if (!ReadName(ref _ptr, terminator, out var name, out var nameOffset))
                {
                    return false;
                }

                if (wasRAmpersand)
                {
                    group.Condition = ConditionKind.RecursionName;
                    _ptr--;
                }
                else if (terminator == ')')
                {
                    if (name == "DEFINE")
                    {
                        group.Condition = ConditionKind.Define;
                    }
                    else
                    {
                        var i = 1;
                        while (i < name.Length && name[i] >= '0' && name[i] <= '9')
                        {
                            i++;
                        }

                        group.Condition = name[0] == 'R' && i >= name.Length ? ConditionKind.RecursionNumber : ConditionKind.Name;
                    }

                    _ptr--;
                }
                else
                {
                    group.Condition = ConditionKind.Name;
                }

                group.ConditionName = name;
                group.ConditionOffset = nameOffset;
            }

            if (_ptr >= _end || _p[_ptr] != ')')
            {
                return Fail(PcreErrors.MissingConditionClosing, _ptr);
            }

            _ptr++;
            return true;
        }
    }
}
