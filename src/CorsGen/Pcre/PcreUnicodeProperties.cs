using System.Collections.Generic;

namespace CorsGen.Pcre
{
    /// <summary>
    /// The Unicode property names PCRE2 10.42 accepts after <c>\p</c>/<c>\P</c> (its table of property names,
    /// lower case, without separators), so the parser accepts and rejects <c>\p{..}</c> exactly as PCRE2 does.
    /// A name marked <c>=c</c> is a script (usable after <c>sc:</c> and <c>scx:</c>), <c>=x</c> a script that
    /// also has a Script_Extensions value; unmarked names are categories, binary properties and bidi classes.
    /// </summary>
    internal static class PcreUnicodeProperties
    {
        /// <summary>How a property name may be used.</summary>
        internal enum Kind
        {
            Other,
            Script,
            ScriptExtensions,
        }

        private static readonly Dictionary<string, Kind> Names = Load();

        /// <summary>Looks up a normalized (lower-cased, separator-free) property name.</summary>
        public static bool TryGet(string name, out Kind kind) => Names.TryGetValue(name, out kind);

        private static Dictionary<string, Kind> Load()
        {
            var names = new Dictionary<string, Kind>(System.StringComparer.Ordinal);
            foreach (var entry in Data.Split(' '))
            {
                if (entry.Length == 0)
                {
                    continue;
                }

                var eq = entry.IndexOf('=');
                if (eq < 0)
                {
                    names[entry] = Kind.Other;
                }
                else
                {
                    names[entry.Substring(0, eq)] = entry[eq + 1] == 'c' ? Kind.Script : Kind.ScriptExtensions;
                }
            }

            return names;
        }

        private const string Data = ""
            + "adlam=x adlm=x aghb=c ahex ahom=c alpha alphabetic anatolianhieroglyphs=c any arab=x arabic=x "
            + "armenian=c armi=c armn=c ascii asciihexdigit avestan=c avst=c bali=c balinese=c bamu=c bamum=c "
            + "bass=c bassavah=c batak=c batk=c beng=x bengali=x bhaiksuki=c bhks=c bidial bidian bidib bidibn "
            + "bidic bidicontrol bidics bidien bidies bidiet bidifsi bidil bidilre bidilri bidilro bidim "
            + "bidimirrored bidinsm bidion bidipdf bidipdi bidir bidirle bidirli bidirlo bidis bidiws bopo=x "
            + "bopomofo=x brah=c brahmi=c brai=c braille=c bugi=x buginese=x buhd=x buhid=x c cakm=x "
            + "canadianaboriginal=c cans=c cari=c carian=c cased caseignorable caucasianalbanian=c cc cf chakma=x "
            + "cham=c changeswhencasefolded changeswhencasemapped changeswhenlowercased changeswhentitlecased "
            + "changeswhenuppercased cher=c cherokee=c chorasmian=c chrs=c ci cn co common=c copt=x coptic=x "
            + "cpmn=x cprt=x cs cuneiform=c cwcf cwcm cwl cwt cwu cypriot=x cyprominoan=x cyrillic=x cyrl=x dash "
            + "defaultignorablecodepoint dep deprecated deseret=c deva=x devanagari=x di dia diacritic diak=c "
            + "divesakuru=c dogr=x dogra=x dsrt=c dupl=x duployan=x ebase ecomp egyp=c egyptianhieroglyphs=c "
            + "elba=c elbasan=c elym=c elymaic=c emod emoji emojicomponent emojimodifier emojimodifierbase "
            + "emojipresentation epres ethi=c ethiopic=c ext extendedpictographic extender extpict geor=x "
            + "georgian=x glag=x glagolitic=x gong=x gonm=x goth=c gothic=c gran=x grantha=x graphemebase "
            + "graphemeextend graphemelink grbase greek=x grek=x grext grlink gujarati=x gujr=x gunjalagondi=x "
            + "gurmukhi=x guru=x han=x hang=x hangul=x hani=x hanifirohingya=x hano=x hanunoo=x hatr=c hatran=c "
            + "hebr=c hebrew=c hex hexdigit hira=x hiragana=x hluw=c hmng=c hmnp=c hung=c idc idcontinue ideo "
            + "ideographic ids idsb idsbinaryoperator idst idstart idstrinaryoperator imperialaramaic=c "
            + "inherited=c inscriptionalpahlavi=c inscriptionalparthian=c ital=c java=x javanese=x joinc "
            + "joincontrol kaithi=x kali=x kana=x kannada=x katakana=x kayahli=x khar=c kharoshthi=c "
            + "khitansmallscript=c khmer=c khmr=c khoj=x khojki=x khudawadi=x kits=c knda=x kthi=x l l& lana=c "
            + "lao=c laoo=c latin=x latn=x lc lepc=c lepcha=c limb=x limbu=x lina=x linb=x lineara=x linearb=x "
            + "lisu=c ll lm lo loe logicalorderexception lower lowercase lt lu lyci=c lycian=c lydi=c lydian=c m "
            + "mahajani=x mahj=x maka=c makasar=c malayalam=x mand=x mandaic=x mani=x manichaean=x marc=c "
            + "marchen=c masaramgondi=x math mc me medefaidrin=c medf=c meeteimayek=c mend=c mendekikakui=c merc=c "
            + "mero=c meroiticcursive=c meroitichieroglyphs=c miao=c mlym=x mn modi=x mong=x mongolian=x mro=c "
            + "mroo=c mtei=c mult=x multani=x myanmar=x mymr=x n nabataean=c nand=x nandinagari=x narb=c nbat=c "
            + "nchar nd newa=c newtailue=c nko=x nkoo=x nl no noncharactercodepoint nshu=c nushu=c "
            + "nyiakengpuachuehmong=c ogam=c ogham=c olchiki=c olck=c oldhungarian=c olditalic=c oldnortharabian=c "
            + "oldpermic=x oldpersian=c oldsogdian=c oldsoutharabian=c oldturkic=c olduyghur=x oriya=x orkh=c "
            + "orya=x osage=c osge=c osma=c osmanya=c ougr=x p pahawhhmong=c palm=c palmyrene=c patsyn "
            + "patternsyntax patternwhitespace patws pauc=c paucinhau=c pc pcm pd pe perm=x pf phag=x phagspa=x "
            + "phli=c phlp=x phnx=c phoenician=c pi plrd=c po prependedconcatenationmark prti=c ps "
            + "psalterpahlavi=x qaac=x qaai=c qmark quotationmark radical regionalindicator rejang=c ri rjng=c "
            + "rohg=x runic=c runr=c s samaritan=c samr=c sarb=c saur=c saurashtra=c sc sd sentenceterminal sgnw=c "
            + "sharada=x shavian=c shaw=c shrd=x sidd=c siddham=c signwriting=c sind=x sinh=x sinhala=x sk sm so "
            + "softdotted sogd=x sogdian=x sogo=c sora=c sorasompeng=c soyo=c soyombo=c space sterm sund=c "
            + "sundanese=c sylo=x sylotinagri=x syrc=x syriac=x tagalog=x tagb=x tagbanwa=x taile=x taitham=c "
            + "taiviet=c takr=x takri=x tale=x talu=c tamil=x taml=x tang=c tangsa=c tangut=c tavt=c telu=x "
            + "telugu=x term terminalpunctuation tfng=c tglg=x thaa=x thaana=x thai=c tibetan=c tibt=c tifinagh=c "
            + "tirh=x tirhuta=x tnsa=c toto=c ugar=c ugaritic=c uideo unifiedideograph unknown=c upper uppercase "
            + "vai=c vaii=c variationselector vith=c vithkuqi=c vs wancho=c wara=c warangciti=c wcho=c whitespace "
            + "wspace xan xidc xidcontinue xids xidstart xpeo=c xps xsp xsux=c xuc xwd yezi=x yezidi=x yi=x yiii=x "
            + "z zanabazarsquare=c zanb=c zinh=c zl zp zs zyyy=c zzzz=c ";
    }
}
