package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;
import com.makeitright.triage.classify.Rule.Guard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.makeitright.events.Anger.ANGRY;
import static com.makeitright.events.Anger.CALM;
import static com.makeitright.events.Anger.HOSTILE;
import static com.makeitright.events.Anger.UPSET;
import static com.makeitright.events.Cause.MISPLACED_HOSTILITY;
import static com.makeitright.events.Cause.MISUNDERSTANDING;
import static com.makeitright.events.Cause.OUR_ERROR;
import static com.makeitright.events.Cause.SUSPECTED_ABUSE;
import static com.makeitright.events.Cause.UNREASONABLE;

/**
 * Every hand-written rule and cue list of triage, in one place. Each rule says why it exists.
 *
 * <p>The rules find the evidence; they no longer decide alone. How much each signal counts for each cause
 * and anger level is learned from the corpus and kept in {@code src/main/resources/triage/model-weights.tsv}
 * (see {@link TriageModel}, {@code ModelTrainer} and the module README). The hand-set weights below still
 * matter in three ways: their sum per cause is the "rules' vote", one input of the model; anger's
 * {@link #ANGER_THRESHOLD} rules likewise give the rules' anger vote; and the history weights
 * ({@link #HISTORY_NEVER_ARRIVED} …) are used as they are, because the corpus has no history to learn from.
 * A phrase rule fires at most once per complaint. After changing a rule, retrain (one command, README).
 */
final class Rules {

    private Rules() {
    }

    /** A complaint most often reports a real fault; with no other evidence we take the customer's side. */
    static final Map<Cause, Double> CAUSE_PRIOR = Map.of(
            OUR_ERROR, 0.45, MISUNDERSTANDING, 0.15, MISPLACED_HOSTILITY, 0.0, UNREASONABLE, 0.0,
            SUSPECTED_ABUSE, 0.0);

    /** Total weight at which an anger level is reached (levels are checked from HOSTILE down). */
    static final double ANGER_THRESHOLD = 1.0;
    /** UPSET needs less: a single measured word of disappointment is enough. */
    static final double UPSET_THRESHOLD = 0.5;

    // ---------------------------------------------------------------------------------------------------
    // Cause rules
    // ---------------------------------------------------------------------------------------------------

    // Something bad happened elsewhere in their day: the anger is likely not about us.
    static final Rule BAD_DAY = cause("bad-day", MISPLACED_HOSTILITY, 1.2, Guard.ANY,
                    "\\b(?:fight|row|argument) with my\\b|\\b(?:wife|husband|partner|girlfriend|boyfriend|ex) (?:left|dumped|took|cheated)|\\b(?:got|been|just been|was|just got|am being) (?:fired|laid off|dumped|evicted|towed|rear-ended|made redundant)|\\blost my (?:job|wallet|keys|phone)"
                            + "|\\b(?:divorce|breakup|break-up|funeral|passed away|died|death in the family|surgery|redundan\\w*)\\b|\\b(?:boss|landlord|manager|ex|flatmate|neighbour|mother-in-law|business partner) (?:yelled|shouted|is|has been|raised|cancelled|wants|just|gave|took|ate|cheated)"
                            + "|\\btraffic (?:was|is|has been|for)|\\bstuck in traffic|\\b(?:bad|worst|rough|long|awful|terrible|horrible|rotten|tough|hard|stressful) (?:day|morning|week|night|time)\\b|\\bday from hell\\b|\\bbit of a morning\\b"
                            + "|\\b(?:car|bus|train) (?:broke down|wouldn't start|got towed|failed)|\\bcrashed my car|\\bflat tyre\\b|\\bmissed my (?:train|bus|flight|daughter's|son's|kid's)|\\b(?:at|in) (?:the )?hospital\\b|\\bhospital (?:bed|all day)"
                            + "|\\bnight shift\\b|\\b(?:sick|ill) (?:baby|parent|kid|child|mum|dad|mother|father)|\\bno sleep\\b|\\bup all night with|\\bkept us up all night|\\bexams\\b|\\bjob centre|\\bparking (?:ticket|fine)|\\bspeeding fine"
                            + "|\\bkids (?:are )?screaming|\\bkicking us out|\\bbad news\\b|\\bflooding\\b|\\bstuck at work|\\bheating broke|\\bschool called|\\bsent home from school|\\b(?:son|daughter|kid) broke");
    // The customer apologises for their tone or says it is not our fault: anger from elsewhere.
    static final Rule TONE_APOLOGY = cause("apologises-for-tone", MISPLACED_HOSTILITY, 1.0, Guard.ANY,
                    "\\b(?:sorry|apologies|apologi[sz]e)\\b[^.!?]{0,30}\\b(?:grumpy|tone|short|snappy|cross|rude|sound|sounded|venting|rant|being|minor|rough|long day|bad day|awful|a morning|stressed)\\b|\\bnot (?:angry|mad|upset) (?:at|with) you\\b|\\bnot your fault\\b|\\bisn't your fault\\b|\\bi know this is minor\\b|\\bbit of a grumpy");

    static final List<Rule> CAUSE_RULES = List.of(
            // We sent or did something other than what was ordered: the plainest sign of our own error.
            cause("wrong-item", OUR_ERROR, 1.0, Guard.ANY,
                    "\\b(?:sent|send|shipped|gave|given|delivered|received|got|brought|fitted|served)(?: me| us| my \\w+)? (?:the |a |an )?wrong\\b"
                            + "|\\bwrong (?:item|size|colou?r|model|order|product|one|shade|dates?|address|vaccine|dose|seats?|medication|tablets|name|prescription|module|plan|lid|salary|reading|amount|price|figures|room|flavou?r|version)\\b"
                            + "|\\binstead (?:received|got|i got|we got|there was|it was|they sent|you sent)\\b|\\b(?:received|got|sent|delivered|gave|brought|served|fitted)\\b[^.!?]{0,40}\\binstead of\\b|\\binstead of (?:the|my|a|an) [^.!?]{0,30}(?:i|we) (?:ordered|asked for|booked|paid for)|\\bnot the (?:one|model|size|colou?r|version) (?:i|we) (?:ordered|booked|asked|paid)"
                            + "|\\b(?:someone|somebody) else's\\b|\\banother (?:child|customer|person|patient|guest)'s\\b|\\b(?:a )?different (?:building|model|shade|brand|house|address)\\b|\\bnothing like the (?:photo|picture|description)"),
            // Part of the order is missing: a packing or fulfilment slip on our side.
            cause("missing-part", OUR_ERROR, 0.7, Guard.ANY,
                    "\\b(?:is|are|was|were) missing\\b|\\bmissing (?:pages|the|a|an|one|item|items|parts?|screws|bag|piece)\\b|\\bcame without\\b|\\barrived without\\b|\\bwithout the \\w+ (?:that|which) was (?:listed|shown|included)"
                            + "|\\bonly (?:one|two|three|the left|the right|half|\\d+) (?:\\w+ )?(?:was |were )?in the (?:box|bag|parcel)|\\bforgot (?:it|our|my|the)\\b|\\bonly (?:one|half) (?:has been|was|were) (?:refunded|delivered|sent)"),
            // It arrived or came back damaged or spoiled: quality or handling on our side.
            cause("arrived-damaged", OUR_ERROR, 0.6, Guard.ANY,
                    "\\b(?:arrived|came|delivered|was|is|were|are) (?:\\w+ )?(?:broken|cracked|damaged|smashed|dented|crushed|melted|blurry|stale|cold|soggy|burnt|mouldy|spilled|expired|bent|ripped|shattered|off)\\b"
                            + "|\\b(?:a |the |new )?(?:crack|dent|scratch|stain|puddle|soot|mould|leak|bleach)\\b|\\bbest-before\\b|\\bout of date\\b"),
            // It does not work as sold.
            cause("does-not-work", OUR_ERROR, 0.6, Guard.ANY,
                    "\\b(?:stopped working|doesn't work|does not work|isn't working|not working|has stopped|stopped again|come loose|came loose|came off|has come off|fell apart|falls apart|dies (?:by|after|within)|leaks|leaking|shrank|shrunk"
                            + "|keeps? (?:crashing|freezing|logging me out|dropping|tripping)|logs me out|won't (?:turn on|charge|start|open)|no longer works|doesn't fit|don't fit|dont fit|does not fit|wobbl\\w*)\\b"),
            // A billing mistake: charged twice, after cancelling, more than shown or agreed.
            cause("billing-error", OUR_ERROR, 1.0, Guard.ANY,
                    "\\b(?:charged|billed) (?:me |my card |us )?(?:\\d+(?:\\.\\d+)? )?(?:twice|two times|three times|four times|again|for both|the full price)\\b|\\b(?:double|duplicate)[- ]?(?:charge|charged|billed|booking|payment)\\b"
                            + "|\\bovercharg\\w*|\\b(?:charged|billed)\\b[^.!?]{0,40}\\b(?:never (?:took|used|ordered|received|confirmed)|i cancelled|after (?:i )?cancel\\w*|even though i (?:cancelled|paid|returned))"
                            + "|\\bstill (?:went out|took the money|charged|billed)|\\byou still took|\\b(?:three|two|four) times for (?:one|the same)|\\bbut the final (?:charge|price|bill)|\\bcharged (?:me )?more than"),
            // We did not turn up, cancelled without notice, or gave away what was booked.
            cause("no-show", OUR_ERROR, 0.9, Guard.ANY,
                    "\\b(?:nobody|no one|never) (?:came|showed|turned up|arrived|called|has come)|\\b(?:didn't|did not|hasn't|has not|never) (?:turn(?:ed)? up|show(?:ed)? up|come out)|\\bno[- ]show\\b"
                            + "|\\bforgot (?:it|our|my) completely|\\bgave (?:our|my) (?:room|table|seat|slot) away|\\bgiven (?:our|my) (?:room|table|seat|slot) away|\\bdouble[- ]booked|\\bno record of"
                            + "|\\bcancell?ed (?:\\w+ ){0,4}(?:without|with no|by text|the night before|at the gate|at the last minute)|\\bwithout (?:any |a single )?(?:notice|warning|explanation)|\\bno (?:letter|notice|warning)\\b|\\bnot (?:one|a single) (?:staff|person|member)"),
            // It came late or we kept them waiting.
            cause("delay", OUR_ERROR, 0.5, Guard.ANY,
                    "\\bwaited\\b|\\bwaiting (?:at|for|in)\\b|\\b(?:arrived|came|paid|delivered|went live) (?:\\w+ ){0,3}late\\b|\\blate (?:again|for|penalty)\\b|\\b(?:weeks?|months?|days|hours?) (?:late|later)\\b|\\bon hold for\\b"
                            + "|\\bstill (?:no|not|nothing|hasn't|haven't|waiting|broken)\\b|\\bit has been (?:\\w+ ){1,3}(?:weeks|months)|\\bwithout (?:a |any )?(?:landline|internet|power|hot water|heating|phone)|\\bwith no (?:internet|power|water|heating)"
                            + "|\\bno hot water|\\bhours? (?:now|stuck|late)|\\bstuck (?:on|in) (?:a|the) (?:train|plane|tarmac)|\\bnothing (?:yet|came)|\\bhasn't moved|\\bmissed the (?:\\w+ )?deadline"),
            // A plain description of our mistake: error, incorrect, lost their things or data.
            cause("our-mistake", OUR_ERROR, 0.7, Guard.ANY,
                    "\\b(?:mistake|error|incorrect|mistranslated|misspel\\w*|spell\\w* my \\w+ wrong|by mistake)\\b|\\blost (?:my|our) (?:suitcase|luggage|bag|claim|documents|parcel|booking|order|data|files)\\b"
                            + "|\\b(?:are|is) gone\\b|\\bdeleted (?:our|my)\\b|\\bdidn't listen\\b"),
            // Food or product that harmed someone: ours to own, and urgent.
            cause("harm", OUR_ERROR, 0.8, Guard.ANY,
                    "\\b(?:made|got|were|was|fell) (?:\\w+ ){0,3}sick\\b|\\bvomit\\w*|\\bpoison\\w*|\\braw (?:chicken|meat|pork)|\\b(?:hair|glass|plastic|metal|insect|bug) in (?:my|the|our)\\b|\\bcut (?:my|his|her) (?:mouth|finger|hand|lip)"
                            + "|\\bnearly (?:took|swallowed|ate)|\\bi'm allergic|\\bdangerous\\b|\\bcockroach\\w*|\\b(?:hurt|injured|burned|burnt) (?:my|me|him|her)\\b"),
            // Our people behaved badly or ignored them.
            cause("staff-conduct", OUR_ERROR, 0.6, Guard.ANY,
                    "\\brude\\b|\\brolled (?:his|her|their) eyes|\\blaughed (?:at|about)|\\bshrugged\\b|\\bcalled me (?:stupid|an idiot)|\\bnobody (?:has )?answer\\w*|\\bno (?:reply|response|answer)\\b|\\bevery agent"
                            + "|\\bhasn't answered|\\bnot returned (?:my )?calls|\\bleft (?:us|me) stranded|\\bvanished\\b|\\bwalked off|\\bhung up on me"),
            // We broke a promise we made in writing or in person.
            cause("broken-promise", OUR_ERROR, 0.4, Guard.ANY,
                    "\\b(?:promised|assured|guaranteed)\\b|\\bconfirmed it\\b|\\byour (?:own )?(?:booking )?(?:screen|confirmation|email) (?:showed|promised|said)|\\bsold as\\b|\\bsaid (?:it|the \\w+) would\\b|\\bas discussed\\b|\\bwas (?:meant|supposed) to (?:come|arrive|be ready)"),
            // They paid extra for something specific and did not get it.
            cause("paid-for-not-delivered", OUR_ERROR, 0.8, Guard.ANY,
                    "\\bpaid (?:the |an )?(?:extra )?(?:fee )?for\\b[^.!?]{0,60}\\b(?:but|and)\\b[^.!?]{0,50}\\b(?:no|not|without|never|plain|standard|instead)\\b"),
            // Our service or system failed: outages, lost data, locked accounts.
            cause("service-failure", OUR_ERROR, 0.6, Guard.ANY,
                    "\\boutage\\w*|\\bwas down\\b|\\bwent down\\b|\\b(?:app|site|website|system|software|it|page|server) (?:has |keeps )?crash\\w*|\\bcrashed (?:again|twice|when|while)|\\bate my\\b|\\blocked for\\b|\\bfroze my|\\bcut (?:our|my|the) (?:power|water|gas|electricity|internet)|\\bbug\\b|\\bblank (?:pages?|screen)|\\bdead pixels"),

            // The customer expected something our policy does not say: the textbook misunderstanding.
            cause("belief-mismatch", MISUNDERSTANDING, 1.1, Guard.ANY,
                    "\\b(?:i|we) (?:thought|assumed|believed|understood|had assumed|was under the impression|were under the impression|was expecting|expected (?:it|the|them|that|my|to))\\b"),
            // They did not know a rule existed: misinformation or a policy nobody explained.
            cause("did-not-know", MISUNDERSTANDING, 0.8, Guard.ANY,
                    "\\b(?:i|we) (?:didn't|did not|never) (?:know|realise|realize|see any|notice)\\b|\\b(?:i|we) had no idea\\b|\\bwho knew\\b|\\b(?:nobody|no one) (?:ever )?(?:said|mentioned)\\b|\\bwasn't told\\b|\\bsince when\\b|\\bwhat do you mean\\b|\\bnot (?:clear|obvious) at all"),
            // "Nobody told me" points to a policy not explained, but also to a delay not announced; weaker.
            cause("nobody-told-me", MISUNDERSTANDING, 0.4, Guard.ANY,
                    "\\b(?:nobody|no one) (?:ever )?told (?:me|us)\\b"),
            // They half admit the rule was written down: strongest sign of a misunderstood policy.
            cause("half-admits", MISUNDERSTANDING, 1.4, Guard.ANY,
                    "\\b(?:i suppose|i guess|oh,? (?:wait|i see)|ah,? i see|ok,? i see|oh,|ah,|yes,? yes|well,? i|apparently)\\b[^.!?]{0,70}\\b(?:contract|terms|it says|says|page|letter|manual|small print|fine print|ticked|signed|rules?|only|exclude\\w*|fare|tariff|rate|policy|site|website|first year)"
                            + "|\\bit(?:'s| is| was) in the (?:contract|terms|small print|fine print)\\b|\\bwho (?:reads|would (?:ever )?(?:expect|read))\\b|\\bnobody reads\\b|\\bmaybe i (?:measured|misread|ticked|missed|chose)|\\bdid i miss something"
                            + "|\\bmy mistake\\b|\\bi (?:didn't|did not|never) read\\b|\\bi (?:must|may) have (?:missed|misread|ticked|chosen)"),
            // Fees, terms and limits are where policies get misunderstood.
            cause("policy-topic", MISUNDERSTANDING, 0.35, Guard.ANY,
                    "\\b(?:fee|fees|surcharge|policy|terms|contract|minimum|limit|excess|exclusion|excludes?|non-refundable|expir\\w*|auto[- ]?renew\\w*|renewed|renewal|trial|restocking|tariff|fair[- ]use|store credit|exchange only|only be exchanged|deposit|pro-rated|included|covered|interest|vat|exchange rate|standing charge|penalty|warranty|service charge|allowance|fare|rounded?|round up|only exchange|points|status|inactivity|dormant)\\b"),
            // They ask how something works rather than report a fault.
            cause("asks-how-it-works", MISUNDERSTANDING, 0.6, Guard.ANY,
                    "\\b(?:could|can) you (?:explain|clarify|confirm|tell me (?:what|which|how|why))|\\bis (?:this|that|it) (?:right|correct|normal)\\b|\\bis (?:the|it|that|this) [^.?!]{0,40}\\bonly\\b[^.?!]*\\?|\\bhow (?:long|does) [^.?!]*\\?"
                            + "|\\bwhat (?:is|does) (?:this|that|my) [^.?!]*\\?|\\bwhere can i (?:read|find|see)|\\bhas (?:something|the \\w+) changed|\\bdid the \\w+ change|\\bwhat happens now|\\bis there another way|\\bwhat (?:it|my \\w+) (?:is for|includes|covers)"
                            + "|\\bwhich \\w+ (?:type|plan|option) (?:i|do i)|\\bnot included\\?"),

            BAD_DAY,
            TONE_APOLOGY,
            // "And now this": the complaint is the last straw on top of everything else.
            cause("last-straw", MISPLACED_HOSTILITY, 0.7, Guard.ANY,
                    "\\band now (?:your|you|i get|there's|i have to|i'm on hold)\\b|\\bnow your\\b|\\bon top of (?:that|everything)\\b|\\blast straw\\b|\\bwhy is (?:everything|nothing|the whole world|the universe|everyone)\\b|\\bis everyone\\b|\\bwhat is wrong with the world"
                            + "|\\bwhy does everything|\\bcan't anyone\\b|\\bagainst me\\b|\\btesting me\\b|\\beverything (?:has )?gone wrong|\\bwhat is going on today|\\bnothing (?:is )?working today|\\bwhy is nothing|\\bof all days"),
            // A small, cosmetic or momentary thing set them off; alone it means little, with a bad day a lot.
            cause("trivial-trigger", MISPLACED_HOSTILITY, 0.4, Guard.ANY,
                    "\\b(?:notification|newsletter|font|colou?rs|pop-?up|banner|hold music|music on hold|jingle|captcha|password with|reminder|survey|greeting|subject line|typing dots|load|chatbot|automated menu|phone menu|cookie banner|emoji|receipt printer|trolley|barrier|verification|login code|upload bar|night mode|dark mode|adverts|ads|promo|treat yourself|cheer up|shop music|holding message|spelling|transfer(?:red)? me to the wrong \\w+)\\b"
                            + "|\\b(?:two|three|a|one) minutes?\\b|\\b(?:five|ten|\\d+) seconds\\b"),

            // A demand that can never be met: forever, for life, every year.
            cause("forever-demand", UNREASONABLE, 1.3, Guard.ANY,
                    "\\b(?:free|supply|vip|pass|membership|lessons?|haircuts?|trainer|flights?|shipping|coffee|meals?|dinners?|ink|printer|cases?|socks|chocolate|ice cream|tickets?|upgrades?)\\b[^.!?]{0,40}\\b(?:for life|lifetime|forever|for the rest of my life|every (?:year|month|week)|for a year|for the next year|for six months|until i get)\\b"
                            + "|\\blifetime (?:supply|vip|membership|pass)\\b|\\bfree\\b[^.!?]{0,30}\\bforever\\b|\\bfor every future\\b|\\b(?:want|demand|give me|expect|deserve)\\b[^.!?]{0,50}\\b(?:for life|forever|for the rest of my life)\\b"),
            // Money for feelings, lost time or luck is out of proportion to a consumer complaint.
            cause("damages-demand", UNREASONABLE, 0.9, Guard.ANY,
                    "\\bemotional (?:damage|distress)|\\bfor the (?:stress|trouble|insult|eye damage|inconvenience)\\b[^.!?]{0,20}$|\\bfor (?:the stress|the trouble|my trouble|the insult)\\b|\\bruining my (?:day|life|weekend)|\\bfor the emotional"
                            + "|\\b(?:wasted|lost) (?:hours of my life|wages|salary|contract|sleep)|\\ba year's salary|\\bcompensat\\w* (?:me )?for (?:my|the) (?:time|stress|feelings|lost|sleep|trouble)"),
            // They blame us for things nobody controls: weather, luck, sport, their own taste or body.
            cause("blames-the-uncontrollable", UNREASONABLE, 0.8, Guard.ANY,
                    "\\b(?:weather|forecast|it rained|rained on|rained (?:all|during|the whole)|it poured|poured (?:on|down)|cloudy|sunny|snowstorm|snowed|sunburn\\w*|foggy|heatwave|\\d+ degrees?|horoscope|fortune|cursed|jinx\\w*|lottery|scratch card|didn't win"
                            + "|(?:my|our) team (?:lost|lose)|the (?:away|other) team|ending|boring|predictable|neighbou?rs?|didn't like|doesn't like|no longer fits?|lost weight|put on weight|feet grew|look older|feel bad about myself|celebrity)\\b"),
            // Several demands stacked on a small problem, or demands only we could never grant.
            cause("stacked-demands", UNREASONABLE, 1.0, Guard.ANY,
                    "\\bdouble (?:my money|refund|the price|back)|\\b(?:refund\\w*|back)\\b[^.!?]{0,40}\\b(?:last|past) (?:two|three|four|five|six|ten|\\d+) years|\\b(?:last|past) (?:two|three|four|five|six|ten|\\d+) years\\b[^.!?]{0,30}\\brefund|\\b(?:ten|\\d+) times (?:the price|that|my money)|\\b\\d+x\\b|\\bplus interest|\\bpersonal apology|\\bapology from (?:the|your) (?:ceo|owner|author|director)|\\b(?:fired|sacked)\\b|\\bfire (?:all|the|him|her|them)\\b"
                            + "|\\bjust for me\\b|\\bevery penny|\\b(?:for|to) every (?:fan|customer)|\\bfree flights|\\brefund (?:the whole|everything|all my)|\\bpay (?:for )?(?:my|the|all) (?:doctor|hotel|bills?|entire|whole|lost|wages|catering|vacation|holiday)"
                            + "|\\bbrand new\\b|\\bnew (?:phone|wardrobe|holiday|car|house|sofa|printer) (?:and|every|delivered)|\\bcompensate me for|\\byou owe me|\\b(?:and|plus) (?:a |an )?(?:free|brand new|private|personal|new)\\b"),
            // Normal wear after years of use is not a fault.
            cause("old-purchase", UNREASONABLE, 0.7, Guard.ANY,
                    "\\b(?:two|three|four|five|six|seven|eight|nine|ten|\\d+) (?:years?|winters?) (?:ago|in the|of use)|\\bafter (?:two|three|four|five|six|ten|\\d+) years\\b|\\bin 20(?:0\\d|1\\d|2[0-2])\\b|\\bsince 20(?:0\\d|1\\d)\\b|\\bfrom 20(?:0\\d|1\\d)\\b|\\bwore them (?:almost )?(?:daily|every day)"),
            // "It's your fault/responsibility" about something we had no part in.
            cause("your-responsibility", UNREASONABLE, 0.4, Guard.ANY,
                    "\\b(?:it's|it is) your (?:fault|responsibility)\\b|\\byou should have known\\b|\\bthe least you can do\\b|\\bseems fair to me\\b"),

            // "So it must be faulty" after use: a defect inferred, not observed, as in wardrobing.
            cause("must-be-faulty", SUSPECTED_ABUSE, 0.8, Guard.ANY,
                    "\\b(?:so )?(?:it|they) (?:must|has to|have to) be (?:faulty|defective|a (?:manufacturing )?defect)|\\bmust be (?:faulty|defective|a (?:manufacturing )?defect)|\\bso i think (?:it's|its|it is|they're) (?:faulty|defective)"
                            + "|\\bi think (?:they're|they are|it's|it is) defective|\\bas (?:faulty|defective)\\b|\\barrived defective"),
            // They no longer need it, or it was "only worn once": a return for use, not for a fault.
            cause("no-longer-needed", SUSPECTED_ABUSE, 0.7, Guard.ANY,
                    "\\b(?:don't|do not|no longer|won't) (?:really )?need (?:it|them)|\\b(?:just )?(?:don't|didn't) want (?:it|them) any ?more|\\bnow i just don't want\\b|\\bonly (?:worn|used|wore) (?:it )?once\\b|\\bbasically unused\\b|\\bworn (?:it )?once\\b|\\bwas only worn once"),
            // Wants the money back and to keep the item.
            cause("refund-and-keep", SUSPECTED_ABUSE, 1.2, Guard.ANY,
                    "\\brefund\\b[^.!?]{0,40}\\bkeep (?:it|them)\\b|\\bkeep (?:it|them) though\\b|\\bnot sending (?:anything|it) back\\b"),
            // Asks for a refund "like the other times", or to skip the checks: expects refunds as routine.
            cause("refund-as-before", SUSPECTED_ABUSE, 1.2, Guard.ANY,
                    "\\b(?:refund|money back|refunded)\\b[^.!?]{0,40}\\b(?:like|as|same as) (?:you did )?(?:with )?(?:the |all the )?(?:before|always|last time|other|previous|last ones|others)|\\blike (?:you did )?(?:the |with the )?(?:other|previous|last) (?:times|ones|three)"
                            + "|\\blike before\\b|\\blike you (?:always do|did the other)|\\byou refunded them\\b|\\bno need to investigate\\b|\\bnot (?:doing|filing) any (?:forms|police)|\\bsame as always\\b|\\blike last time"),

            // ---- Cue families added for complaints written by other people (issue #6, second pass). Each is a
            // ---- general shape of the category; how much each counts is learned (see TriageModel).

            // They notice, mid-complaint, that the rule was written down: "I see now", "looking at it again".
            cause("admits-it-was-written", MISUNDERSTANDING, 1.2, Guard.ANY,
                    "\\b(?:i|we) (?:now )?see now\\b|\\b(?:i|we) now see\\b|\\bnow i see\\b|\\b(?:oh|ah|ok|okay)[,.]? (?:i|we) see\\b|\\b(?:i|we) see (?:it|that it|that the \\w+|there) (?:says|said|is|was)\\b"
                            + "|\\b(?:i|we) (?:hadn't|had not|didn't|did not|never) (?:noticed?|spotted|saw|see) (?:that|it|this)\\b|\\b(?:looking at|reading|re-reading|checking) (?:\\w+ ){0,2}again\\b"
                            + "|\\b(?:which|that) i (?:must|may|might) have missed\\b|\\bi (?:must|may|might) have (?:missed|misread|overlooked)\\b|\\bi might be misreading\\b|\\bmisread\\w*"
                            + "|\\b(?:it's|it is|that's|that is|it was) (?:printed|written|stated|listed|mentioned|shown|explained) (?:on|in)\\b|\\bit'?s (?:on|in) the (?:website|receipt|booking|ticket|menu|terms|contract|listing|leaflet|letter|agreement|details)\\b"
                            + "|\\b(?:yes|yeah|okay|ok|fine|sure)[,.]? (?:yeah[,.]? )?(?:it's|it is|it|the \\w+|your \\w+(?: \\w+)?) (?:says|said|is in|was in|states|mentions|in the)\\b|\\b(?:that's|that is|it's|it was) my (?:mistake|fault|bad)\\b"),
            // A written rule the customer names or quotes: a sign, a ticket, a leaflet, the terms.
            cause("rule-document-says", MISUNDERSTANDING, 0.6, Guard.ANY,
                    "\\b(?:the|your|my|our) (?:sign|ticket|booking|receipt|menu|listing|contract|terms|letter|leaflet|policy|box|agreement|invite|invitation|proposal|returns page|website|small print|fine print|fare rules|t&cs|page|email) (?:\\w+ ){0,3}(?:says|said|states|stated|mentions|mentioned|explains)\\b"
                            + "|\\b(?:i|we) know (?:the|it|that|your) (?:\\w+ ){0,2}(?:says|said|states|is in)\\b|\\b(?:i suppose|i guess|i know|i realise|i realize|i understand|granted|admittedly|to be fair)\\b[^.!?]{0,60}\\b(?:rule|terms|contract|policy|agreement|printed|written|listed|stated|small print|fine print|details|booking|ticket|receipt|instalment)\\b"),
            // "Apparently", "I was told": the business explained its rule and the customer repeats it.
            cause("rule-was-explained", MISUNDERSTANDING, 0.5, Guard.ANY,
                    "\\bapparently\\b|\\b(?:i was|we were|i've been|we've been|i got) told (?:that|it|the|my|our|i|we)\\b|\\byour (?:colleague|staff|guy|agent|rep|cashier|email|letter) (?:says|said|explained|told)\\b|\\byes,? (?:i|we) (?:picked|chose|ticked|signed|agreed|booked|bought)\\b"),
            // The vocabulary of rules, limits and conditions: where policies are misread.
            cause("rule-words", MISUNDERSTANDING, 0.3, Guard.ANY,
                    "\\b(?:non-refundable|no re-?entry|no returns|final sale|clearance|return window|window is|cut-?off|time limit|notice period|days' notice|hours' notice|24 hours|48 hours|referral|doors|body only|basic fare|under-seat|standard for|security deposit|pending|cleared|instalments?|made-to-order|custom|eligible|requires?|required|must be (?:used|made|booked|cancelled|returned)|valid (?:for|until)|only (?:covers|includes|applies|valid)|not (?:covered|included|eligible)|isn't (?:covered|included)|exclud\\w+|data cap|allowance|per the|as per|terms and conditions|in the details|by itself|automatically)\\b"),

            // Earlier claims of the same kind, counted or routine ("like you usually do", "the seventh time").
            cause("repeat-claim", SUSPECTED_ABUSE, 1.0, Guard.ANY,
                    "\\blike you (?:usually|always|normally) do\\b|\\bas (?:usual|always)\\b|\\bthe usual\\b|\\b(?:the )?same way as before\\b|\\b(?:like|as) (?:with )?(?:the )?others\\b|\\b(?:like|same as|as) (?:in|with) (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b"
                            + "|\\b(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|[4-9]th|1\\dth) (?:time|one|parcel|claim|package|order|delivery|'delivered')\\b|\\b(?:four|five|six|seven|eight|nine|ten|[4-9]|1\\d) this (?:year|month)\\b"
                            + "|\\blast week and the week before\\b|\\bthe time before\\b|\\b(?:a few|several|many) times (?:this|already|before)\\b|\\bhappened (?:a few|several|many) times\\b|\\beach time\\b|\\bevery time\\b[^.!?]{0,30}\\b(?:refund|returned|sent back|claimed)"
                            + "|\\b\\d+ of my last \\d+\\b|\\b(?:refunded|comped|compensated|credited|replaced) (?:\\w+ ){0,4}(?:last (?:month|week|time)|before|previously)\\b|\\b(?:i|we) (?:claimed|reported|returned) (?:\\w+ ){0,3}(?:before|last week|last month|already)\\b|\\bsame (?:thing|as) (?:last time|before)\\b|\\bsame thing happened\\b"),
            // They used it fully, or for what it was bought for, and now want the money: consumption, then refund.
            cause("used-then-claims", SUSPECTED_ABUSE, 0.9, Guard.ANY,
                    "\\b(?:we|i) (?:ate|drank|finished|eaten|used|wore|watched|played|flew|ran) (?:\\w+ ){0,2}(?:whole|entire|all of|most of|every day|every night|daily|for (?:weeks|months|a month)|all month|constantly)\\b|\\bafter (?:i'd|i had|we'd|we had) (?:finished|eaten|used|worn)\\b"
                            + "|\\b(?:i|we) (?:did )?(?:wore|wear) (?:it|them)\\b|\\bonly wore\\b|\\bwore it (?:once|twice|to|for)\\b|\\b\\d+ hours of (?:flight|flying|use|play)\\b|\\b\\d[\\d,]* (?:shots|photos|miles|washes)\\b"
                            + "|\\b(?:really )?(?:enjoyed|loved) (?:the|our|my) (?:stay|meal|food|pool|restaurant|trip|holiday|show|dinner)\\b|\\b(?:logged in and )?used (?:it|the \\w+) every day\\b|\\b(?:don't|do not) (?:really )?need (?:it|them) (?:any ?more)?\\b|\\b(?:trip|party|event|wedding|holiday|season)'?s? (?:is )?over\\b"
                            + "|\\bran (?:my|a) (?:half-?marathon|marathon|race)\\b|\\bafter (?:a|our|the|my) (?:shoot|party|trip|wedding|event|housewarming|safari|holiday)\\b|\\bonly noticed after\\b"),
            // Details that point to a claim that cannot be checked, or to using someone else's account or code.
            cause("unverifiable-or-not-theirs", SUSPECTED_ABUSE, 0.9, Guard.ANY,
                    "\\b(?:my|his|her) (?:sister's|brother's|friend's|mum's|mom's|dad's|partner's|wife's|husband's|cousin's|neighbour's|neighbor's) (?:card|account|membership|code|pass|login|details)\\b|\\b(?:brother|sister|friend|cousin|partner) used my (?:card|account|membership|pass)\\b|\\bit's the same (?:card|account)\\b|\\bbasically the same (?:account|card|thing)\\b"
                            + "|\\b(?:staff|employee) (?:discount|code|price|field)\\b|\\bworks (?:for|at) you\\b|\\b(?:different|several|multiple|a few) (?:email|e-mail) (?:addresses|accounts)\\b|\\bserial number\\b|\\bmy old one\\b"
                            + "|\\b(?:didn't|did not|never) (?:report|mention|take (?:any )?photos|photograph) (?:it|them|anything)?\\b|\\bno (?:photos|pictures|proof)\\b|\\b(?:don't|do not) have (?:any )?(?:photos|pictures|proof|it in writing)\\b|\\bnot in writing\\b|\\b(?:don't|do not|can't) remember (?:their|his|her|the) name\\b"
                            + "|\\b(?:like that|that way|already (?:there|damaged|broken|open|stained)) when (?:we|i) (?:got|arrived|checked)\\b|\\bso what if (?:we|i)\\b|\\bfriends over\\b|\\b(?:disputed|dispute) (?:it|the charge)\\b|\\bas unauthori[sz]ed\\b|\\btags? (?:were |are )?(?:still on|reattached)\\b|\\b(?:tiny|little) bit of (?:coffee|water|wine|juice)\\b"),

            // Trouble elsewhere in their day: another company, an accident, a loss, work, family.
            cause("trouble-elsewhere", MISPLACED_HOSTILITY, 1.0, Guard.ANY,
                    "\\b(?:another|a different|the other) (?:airline|courier|company|bank|shop|store|provider|hotel|carrier)\\b|\\b(?:rear-ended|keyed my car|parking ticket|speeding ticket|broke down|broken-down|flat tyre|flat tire|towed|got fired|been fired|just got fired|laid off|fired us|evicting|evicted|court hearing|parent-teacher|funeral|haven't slept|didn't sleep|home sick|the irs|the dmv|tax office|ripped me off|screwed me over|screwed over|tore into me|crashed and burned)\\b"
                            + "|\\bmy (?:insurance|insurer|car insurance|accountant|landlord|contractor|ex|boss|manager|builder|neighbou?r|mother|father|mum|mom|dad|kid|son|daughter|wife|husband|partner|laptop|car|flight|train)\\b[^.!?]{0,40}\\b(?:won't|wouldn't|just|took|screwed|evict\\w*|fired|tore|yelled|shouted|lost|called|died|ripped|broke|cancelled|sat|is in (?:the )?hospital)\\b"
                            + "|\\b(?:on (?:the|my) way (?:here|in|over)|driving (?:over )?here|to get here|before i got here|outside (?:this|your) (?:store|shop|place)|in the (?:lot|car park) outside|all (?:day|morning) (?:with|arguing|on hold))\\b|\\b(?:on hold|arguing) with my\\b"),
            // Their state of mind, named: a foul mood, frazzled, the day has been a disaster.
            cause("bad-mood-named", MISPLACED_HOSTILITY, 0.8, Guard.ANY,
                    "\\b(?:foul|bad|terrible|awful|rotten) mood\\b|\\bnot in the best (?:mood|place)\\b|\\bgrumpy with\\b|\\b(?:frazzled|fried|drained|worn out|twitchy|on edge|stressed out of my mind)\\b|\\bcan't deal with (?:this|anything|any more|anymore)\\b|\\bhad it with today\\b"
                            + "|\\bwhat a day\\b|\\bmy day has been\\b|\\bafter the (?:week|day|morning|month) i've had\\b|\\bof all days\\b|\\bread the room\\b|\\beverything (?:is )?(?:falling apart|going wrong)\\b|\\bwhy does everything\\b|\\bdo i look like\\b|\\bi didn't need (?:any|this)\\b|\\bthe one thing i wanted\\b|\\bfed up with today\\b"),
            // They know it is small or normal: "small thing", "I know that's normal", "not urgent".
            cause("knows-it-is-small", MISPLACED_HOSTILITY, 0.6, Guard.ANY,
                    "\\b(?:small|minor|little|tiny) (?:thing|point|issue)\\b|\\bnot urgent\\b|\\bjust thought i'd (?:mention|say)\\b|\\bi know (?:it's|that's|this is|it is) (?:probably |just |only )?(?:routine|normal|minor|small|silly|not your fault|not a big deal)\\b|\\bgrain of salt\\b|\\bforgive me if\\b|\\bsorry,? i'm (?:just )?(?:tired|drained|frazzled|worn|exhausted|stressed|not)\\b|\\b(?:not|isn't|wasn't) your fault\\b|\\bthat's all\\b"),

            // A demand that runs on for ever or for every future purchase.
            cause("perpetual-demand", UNREASONABLE, 1.0, Guard.ANY,
                    "\\b(?:free|waive|refund|give me|i want|i'd like|i demand|upgraded?|status|replace)\\b[^.!?]{0,60}\\b(?:for life|lifetime|forever|every (?:friday|month|year|week|time)|for a (?:whole )?year|for the (?:next|rest of the) (?:year|years)|all (?:my )?future|on all (?:my )?future|permanent(?:ly)?)\\b|\\blifetime \\w+\\b|\\bpermanent (?:\\w+ )?upgrades?\\b"),
            // Money back for years gone by, or "backdate it".
            cause("backdated-demand", UNREASONABLE, 1.0, Guard.ANY,
                    "\\bbackdat\\w*|\\bretroactive\\w*|\\b(?:two|three|four|five|six|ten|\\d+) years of (?:fees|payments|membership|subscriptions?)\\b|\\bdeleted (?:\\w+ ){0,3}(?:myself )?(?:two|three|four|five|\\d+) years ago\\b"),
            // Asking us to pay for losses, treatment or big purchases far beyond what we sold.
            cause("consequential-demand", UNREASONABLE, 0.6, Guard.ANY,
                    "\\b(?:pay|cover|compensate|reimburse)\\b[^.!?]{0,30}\\b(?:losses|lost (?:business|income|earnings)|physio\\w*|therapy|sessions|house value|new car|new fridge|hotel for the weekend)\\b|\\bbuy me a (?:new|brand)\\b|\\bjust for me\\b|\\bmeet-and-greet\\b|\\bpresidential suite\\b|\\bfirst class\\b|\\b(?:doctor|waiter|driver|cashier|him|her|them|someone) fired\\b|\\bopen 24 hours\\b|\\bburied underground\\b"),
            // Unhappy with a matter of taste, luck, their body or their life, not with what we did.
            cause("taste-or-luck", UNREASONABLE, 0.7, Guard.ANY,
                    "\\b(?:i'd|i would|we'd|we would) rather have\\b|\\bchanged my mind\\b|\\bout of (?:style|fashion)\\b|\\b(?:wife|husband|partner|girlfriend|boyfriend|mother-in-law) (?:hates|doesn't like|didn't like)\\b|\\bdidn't (?:lose|win|go well|get the job|play my)\\b|\\b(?:gained|lost|put on) weight\\b|\\b(?:don't|doesn't) look like\\b|\\bfavourite song\\b|\\bfavorite song\\b|\\bsold out\\b|\\b(?:cloudy|storm|rainy|it rained)\\b|\\bmy own employee\\b|\\bexactly what i ordered\\b|\\bstill works perfectly\\b|\\bcooked perfectly\\b"),
            // What we sold or did was fine by their own account; the complaint is about something else.
            cause("nothing-wrong-with-it", UNREASONABLE, 0.6, Guard.ANY,
                    "\\b(?:perfectly (?:fine|good)|nothing (?:wrong|broken)|nothing wrong with|fit(?:ted)? (?:well|perfectly)|looked lovely|in perfect condition|(?:itself|themselves) (?:was|were) (?:perfectly )?fine|fixed (?:\\w+ ){0,2}perfectly|no use to me)\\b"),
            // The delay or wait they complain about is minutes long.
            cause("trivial-delay", UNREASONABLE, 0.3, Guard.ANY,
                    "\\b(?:five|ten|fifteen|twenty|\\d{1,2}) minutes? (?:late|past|after|delay\\w*|wait)\\b|\\b(?:departed|was|were|came) (?:\\w+ ){0,2}(?:five|ten|fifteen|twenty|\\d{1,2}) minutes late\\b"),

            // Misfortune in their own life, named in passing: illness, loss, a break-up, a theft, a bad shift.
            cause("life-trouble", MISPLACED_HOSTILITY, 0.9, Guard.ANY,
                    "\\b(?:intensive care|care home|in (?:the )?hospital|at the vet|funeral|passed away|bad news|broken into|got stolen|was stolen|car (?:gets|got) stolen|got dumped|dumped me|divorce|separated|break-?up|threw up|off sick|both kids|home sick|lost my (?:dad|mum|mom|father|mother|job|wallet|keys|phone)|lost a (?:big )?client|didn't get the job|job centre|double shift|night shift|boiler broke|flooded|failed its mot)\\b"
                            + "|\\b(?:fight|fighting|row|arguing|argument|screaming) (?:\\w+ ){0,3}(?:with|at) my\\b|\\bmy (?:boss|manager|supervisor|landlord|ex|partner|wife|husband|sister|brother) (?:\\w+ ){0,2}(?:chews?|chewed|humiliated|shouting|shouted|yelled|is selling|isn't speaking|is ignoring|told me)\\b"
                            + "|\\b(?:worst|horrible|awful|terrible|insane|rough|long|bad|hard|tough|crap|shit|frustrating) (?:\\w+ ){0,2}(?:day|week|morning|afternoon|evening|shift|meeting|night|month|year)(?: of my (?:life|year))?\\b|\\bone of those days\\b|\\b(?:my|the) (?:flight|train|trains) (?:got |was |were )?(?:cancelled|delayed)\\b|\\bdelayed trains\\b"),
            // They say the mood is theirs: oversensitive, not fair of them, "forgive the mood".
            cause("owns-the-mood", MISPLACED_HOSTILITY, 0.9, Guard.ANY,
                    "\\b(?:i'm|i am|i may be|maybe i'm|i might be) (?:a bit |being )?(?:oversensitive|over-sensitive|flat|short with you|in a (?:bit of a )?mood|frayed|not in the best)\\b|\\bforgive (?:the|my) (?:mood|tone)\\b|\\bmaybe this isn't fair\\b|\\bit got to me\\b|\\bi'm (?:just )?so done\\b|\\bi know you're doing your best\\b|\\bnot a (?:real|big) (?:problem|deal)\\b|\\bno action needed\\b|\\bjust (?:a )?(?:suggestion|mentioning it|a note)\\b|\\b(?:pinch|grain) of salt\\b|\\bit(?:'s| is) (?:small|not important|fine, it came)\\b"),

            // They dismiss the written rule they now know about: "I don't care what the small print says".
            cause("dismisses-the-rule", MISUNDERSTANDING, 0.9, Guard.ANY,
                    "\\bi don't care (?:if|what|about|that)\\b|\\b(?:don't|do not) (?:you dare )?(?:quote|tell) me (?:about )?(?:the|your)\\b|\\b(?:yeah,? yeah|whatever)\\b|\\b(?:sure|fine|ok|okay|yes),? (?:\\w+ ){0,6}(?:but|that's)\\b|\\bso what,|\\bthat's just your excuse\\b|\\bnobody reads\\b|\\bwho (?:reads|makes a rule)\\b|\\bevery(?:body|one| sane person) (?:knows|expects)\\b"),
            // They admit agreeing to or choosing it: "I see I ticked", "I signed something", "I chose four to six".
            cause("admits-choosing-it", MISUNDERSTANDING, 0.9, Guard.ANY,
                    "\\b(?:i|we) see (?:now )?(?:that )?(?:i|we) (?:ticked|chose|picked|selected|booked|signed|agreed|ordered)\\b|\\b(?:i|we) (?:signed|ticked|agreed to|chose|picked) (?:something|the box|it|that)\\b|\\bi know i (?:chose|picked|ticked|signed|booked|agreed)\\b|\\b(?:having )?(?:looked|checked|read) (?:at )?(?:it |the \\w+ )?again\\b|\\bre-?reading\\b"
                            + "|\\bi see (?:now )?(?:that )?(?:\\w+ ){1,3}(?:is|are|was|only|says|lists|listed|labelled|labeled)\\b|\\bthe (?:\\w+ )?(?:page|package|poster|plan document|quote|card|ticket|listing|brochure) (?:only |does |clearly )?(?:says|lists|said)\\b|\\bthat explains it\\b|\\bi (?:probably|must have) missed\\b"),

            // They admit using, damaging or losing it themselves, in passing: "I did drop it", "OK, I did a few jumps".
            cause("admits-own-use", SUSPECTED_ABUSE, 0.9, Guard.ANY,
                    "\\b(?:yes|ok|okay|fine|well|sure|alright)[,.]? (?:\\w+ ){0,3}(?:i|we|the kids|my (?:\\w+ )?(?:kids|son|daughter|friend|husband|wife|dog)) (?:did|took|used|wore|dropped|sat|finished|rode|stayed|boarded|traded|lost|watched|played|drove|ate|broke|took out|gave)\\b"
                            + "|\\bi (?:did|only) (?:\\w+ ){0,2}(?:wore|wear|use|used|drop|dropped|pop|popped|jump|jumps|ride|rode|take|took)\\b|\\b(?:i'd|i had) used (?:them|it) already\\b|\\bof course i used it\\b|\\bi (?:passed|finished|completed),? |\\b(?:saw|watched) the whole\\b|\\bstayed both nights\\b|\\b(?:ate|eaten) most of\\b|\\bworked fine for\\b|\\bshared (?:it|the \\w+) with\\b|\\bgave the key\\b|\\balt account\\b"),
            // The claim cannot be checked, or the evidence is gone: no photos, thrown away, "I don't know which day".
            cause("evidence-missing", SUSPECTED_ABUSE, 0.8, Guard.ANY,
                    "\\bthrew (?:it|them|the \\w+) away\\b|\\bput it out with the rubbish\\b|\\breceipt is (?:lost|from another|dated)\\b|\\b(?:don't|do not|didn't) (?:have|take) (?:a |any )?(?:photos?|pictures?)\\b|\\bnever (?:insured|had it valued)\\b|\\bhaven't (?:actually )?seen it in\\b|\\bi don't know which day\\b|\\bwasn't on your inventory\\b"
                            + "|\\b(?:already|was already) (?:there|cracked|broken|damaged|stained|acting up|like that)\\b|\\bmust have been there already\\b|\\bthe day after (?:the|it)\\b|\\bdated the day after\\b|\\b(?:then )?(?:the|your) (?:report|photos|odometer|records?|system) (?:is|are|must be) wrong\\b|\\bthe one in the box\\b|\\bbought it here\\. well\\b|\\bi think i did\\b"),
            // Paid twice for one loss: a refund on top of a chargeback, or "pay out again".
            cause("double-recovery", SUSPECTED_ABUSE, 1.0, Guard.ANY,
                    "\\b(?:already gave me the money back|on top of the chargeback|money back (?:\\w+ ){0,3}as well)\\b|\\bpay (?:out )?again\\b|\\brefund (?:it|them|this one) (?:again|too)\\b|\\bin a row\\b|\\blike every other time\\b|\\bas you did before\\b|\\byou refunded (?:the|my) (?:last|\\w+ (?:in|last))\\b|\\bsame as (?:my|the) last (?:two|three|four|\\d+)\\b|\\blost (?:them|it)\\. again\\b|\\bthis quarter\\b"),

            // Expecting from us what nobody could deliver: the weather, their looks, a grade, a talent.
            cause("impossible-expectation", UNREASONABLE, 0.9, Guard.ANY,
                    "\\bshould (?:guarantee|know better|still fit|have stopped me|have told me to)\\b|\\bnot as (?:\\w+ )?as the (?:model|photo|picture)\\b|\\b(?:still )?not able to play like\\b|\\b(?:grade|mark) raised\\b|\\bbuy the rights\\b|\\bwiden it\\b|\\bevict (?:him|her|them)\\b|\\b(?:psychologist|veneers|cat hotel)\\b|\\b(?:photoshop|edit) (?:me|my)\\b|\\bplay it next time\\b|\\brestore my rank\\b"
                            + "|\\b(?:refund|pay for|cover|back|replace|remake) (?:\\w+ ){0,2}(?:entire|whole|all|every|everything)\\b(?! order)|\\b(?:and|plus|also) (?:the money for|pay for|compensation for|a day's pay|lost wages|for the days)\\b|\\b(?:ten|five|\\d+) years free\\b|\\bfor the insult\\b|\\bthe same again\\b|\\bevery (?:summer|week|friday|show|sunday)\\b"),

            // What we wrote down backs the customer: their confirmation, our own statement, a screenshot.
            cause("our-record-backs-them", OUR_ERROR, 0.8, Guard.ANY,
                    "\\b(?:my|our|the|your) (?:order )?confirmation (?:\\w+ ){0,2}(?:says|shows|lists|clearly|states)\\b|\\border page shows\\b|\\b(?:i|we) (?:even )?(?:have|got) (?:the|your|a) (?:confirmation|screenshot|bank confirmation|receipt|email)\\b|\\bscreenshot\\b|\\baccording to your own\\b"
                            + "|\\byour own (?:statement|support|records|staff|system|status page|email)\\b|\\bphoto attached\\b|\\b(?:packing slip|intake photos|doorbell camera|delivery photo)\\b|\\badmits?\\b|\\bi watched it happen\\b|\\b(?:prepaid|confirmed|paid for|paid the) (?:\\w+ ){0,2}(?:booking|reservation|supplement|seat|upgrade)\\b"),
            // One of our people or systems did something to them: "your installer drilled", "you overbooked".
            cause("we-acted-wrongly", OUR_ERROR, 0.5, Guard.ANY,
                    "\\byour (?:driver|installer|technician|tech|movers|staff|waiter|cashier|system|app|checkout|clerk|agent|team|mechanic|support team|warehouse|courier|night clerk|front desk|office)\\b[^.!?]{0,40}\\b(?:dropped|broke|threw|drilled|deleted|lost|forgot|charged|froze|cancelled|sent|gave|left|didn't|failed|used|issued|held)\\b"
                            + "|\\byou (?:cancelled|charged|disconnected|froze|deleted|lost|sent|overbooked|bumped|forgot|broke|billed|took|shut|held|gave)\\b|\\b(?:by|in) error\\b|\\bnever got the (?:notice|letter|email)\\b")
    );

    /** Signals that mark a "delivered but never received" claim (fed to the customer memory too). */
    static final Rule NEVER_ARRIVED = cause("never-arrived", SUSPECTED_ABUSE, 0.3, Guard.ANY,
            "\\bnever (?:arrived|received|got it|came|got)\\b|\\bnot received\\b|\\b(?:didn't|did not) (?:receive|get) (?:it|anything|the|my)\\b|\\bisn't here\\b|\\bnot here\\b|\\bit's not there\\b|\\bnot at (?:the|my) door"
                    + "|\\b(?:shows|marked|says|showing|tracking says|marked as)[^.!?]{0,20}\\bdelivered\\b|\\bsigned for\\b|\\bbox (?:arrived|was) empty|\\bempty box|\\bwithout it arriving|\\bnever got it|\\bi do not have it");

    /** Words that say the same claim happened before. */
    static final Pattern REPEAT = p("\\b(?:again|once again|another|(?:third|fourth|fifth|sixth|3rd|4th|5th|6th) (?:time|one|parcel|empty)|(?:four|five|six|4|5|6|three|3) times|every (?:single )?(?:order|time)|keeps happening"
            + "|same as (?:the )?last|last (?:three|four|3|4) times|(?:third|fourth|fifth|sixth|3rd|4th|5th|6th)\\b[^.!?]{0,30}\\b(?:this year|since|in two months|this month)|makes five|with my last|the last three|(?:the )?(?:fourth|fifth|third|4th|5th|3rd|6th) (?:this year|since))");

    // ---------------------------------------------------------------------------------------------------
    // Anger rules
    // ---------------------------------------------------------------------------------------------------

    // ---- Word families for abuse and threats. They are the general vocabulary of name-calling, contempt and
    // ---- threats, not phrases of single complaints; the rules below put them in the shapes that aim them at us.

    /** Names that are insults in any context; in the plural they are aimed at a group of people, i.e. at us. */
    private static final String STRONG_INSULTS = byFirstLetter("idiots?|morons?|imbeciles?|cretins?|halfwits?|half-wits?|dimwits?|nitwits?|numbskulls?|numpt(?:y|ies)|muppets?|buffoons?|dunces?|dolts?|oafs?|simpletons?|nincompoops?|bozos?|twits?|airheads?|cheapskates?|pillocks?|plonkers?|prats?|tossers?|wankers?|twats?|jerks?|pricks?|dickheads?|arseholes?|assholes?|bastards?|scumbags?|scum|lowlifes?|low-lifes?|slimeballs?|sleazebags?|dirtbags?|douchebags?|liars?|crooks?|scammers?|fraudsters?|swindlers?|shysters?|charlatans?|con[- ]?artists?|con[- ]?men|con[- ]?man|scam artists?|rip-?off (?:merchants?|artists?)|cheats|cheaters|chancers?|jobsworths?|incompetents|bloodsuckers?|blood-suckers?|imbecile|losers");
    /** Names that are insults only when aimed at someone ("you cowboys", "bunch of amateurs"): alone they can be literal. */
    private static final String CONTEXT_INSULTS = byFirstLetter("clowns?|cowboys?|thie(?:f|ves)|criminals?|frauds?|amateurs?|hacks?|jokers?|leeches|parasites?|vultures?|sharks?|snakes?|rats?|weasels?|vermin|pigs?|slobs?|animals|thugs?|goons?|butchers?|monkeys?|apes?|gorillas?|baboons?|chimps?|donkeys?|fools|sheep|dinosaurs?|robots?|drones?|cows?|witch(?:es)?|hags?|nobodies|incompetent|quacks?|excuses? for (?:a |an )?\\w+|robbers?|bandits?|pirates?|mafia|cartel|gangsters?|cons|fakes?|phon(?:e)?ys?|hypocrites?|cowards?|bullies|bully|tyrants?|dictators?|creeps?|weirdos?|freaks?");
    /** Adjectives of contempt for people ("useless", "brain-dead", "money-grabbing"). */
    private static final String CONTEMPT_ADJECTIVES = byFirstLetter("useless|incompetent|brainless|brain-?dead|clueless|gormless|witless|mindless|pathetic|worthless|hopeless|spineless|gutless|shameless|heartless|soulless|disgusting|disgraceful|despicable|contemptible|vile|greedy|money-grabbing|money-grubbing|grasping|stingy|tight-fisted|penny-pinching|lazy|thieving|lying|crooked|corrupt|filthy|smug|arrogant|petty|stupid|dumb|thick|moronic|idiotic|inept|bumbling|shambolic|second-rate|third-rate|jumped-up|self-important|good-for-nothing|sneaky|shifty|scummy|sleazy|slimy|two-faced|condescending|patroni[sz]ing|pompous|snotty|sadistic|blood-?sucking|so-called|careless|ignorant|lousy|crappy|shitty|half-witted|dim-witted|dimwitted|spiteful");
    /** Of those, the ones said only of people, so alone ("Useless.") or of a firm ("useless company") they name us. */
    private static final String PEOPLE_ADJECTIVES = byFirstLetter("useless|incompetent|brainless|brain-?dead|clueless|gormless|witless|mindless|hopeless|spineless|gutless|heartless|soulless|greedy|money-grabbing|money-grubbing|stingy|tight-fisted|lazy|thieving|lying|crooked|smug|arrogant|petty|stupid|dumb|thick|moronic|idiotic|inept|bumbling|jumped-up|good-for-nothing|two-faced|condescending|patroni[sz]ing|half-witted|dim-witted|dimwitted");
    /** Words for a group of people, to name us with a contemptuous adjective ("disgraceful people"). */
    private static final String GROUP = byFirstLetter("people|lot|bunch|staff|crew|employees|workers|developers|individuals?|person|men|women|creatures?");
    /** A firm named with contempt only with an adjective said of people ("useless company", not "disgraceful service"). */
    private static final String FIRM = byFirstLetter("company|firm|shop|business|outfit|operation|organi[sz]ation|team|management|establishment");
    /** Places spoken of with contempt ("what a dump"). */
    private static final String CONTEMPT_PLACES = byFirstLetter("dump|hovel|pigsty|shithole|hellhole|fleapit|rat-?hole|doss-?house|shambles|circus|clown show|cowboy outfit|sh[i*]tshow|joke of a \\w+");
    /** Someone who announces what they will do next ("I'll", "I'm going to", "or I"), not negated. */
    private static final String INTENT = "(?=i[' m]|we|or|ot|el|ne|if)(?:i'll|i will|i shall|i'm going to|i am going to|i'm gonna|im gonna|i'm about to|we'll|we will|we're going to|we are going to|i'm|i am|we're|we are|or i|or i'll|or we|or we'll|otherwise i|otherwise i'll|else i'll|or else i|next time i|if not,? i|if not,? i'll|i've a good mind to|i have a good mind to)(?!\\s+(?:not|never|no longer|n't))\\s+(?:(?:be|going to|gonna|have to|just|now|then|definitely|seriously|also|straight|first|happily|personally|absolutely|certainly|more than happy to)\\s+)*";
    /** Bodies and people one reports a business to, or takes it to. */
    private static final String AUTHORITIES = byFirstLetter("sue|suing|court|lawyers?|solicitors?|attorneys?|legal (?:action|advice|team|route|proceedings|department)|small claims|tribunal|ombudsman|regulators?|trading standards|watchdog|the bbb|better business bureau|fca|ftc|cfpb|ofcom|ofgem|ofwat|the asa|cqc|caa|ico|consumer (?:protection|rights|council|affairs|helpline|association)|citizens advice|health (?:department|inspectors?|board|and safety)|environmental health|food (?:standards|safety)|licensing|(?:the |local )?council|police|authorities|attorney general|my mp|the (?:state|county) (?:board|commission)|chamber of commerce|professional (?:body|board)|bar association|medical (?:board|council)|insurance (?:regulator|ombudsman)|data protection");
    /** Where one shames a business in public. */
    private static final String PUBLIC_PLACES = byFirstLetter("everyone|everybody|everywhere|online|social media|facebook|instagram|tiktok|twitter|reddit|youtube|google|tripadvisor|yelp|trustpilot|reviews?|press|papers|paper|media|news|newspapers?|journalists?|reporters?|tv|television|radio|(?:tv )?station|watchdog|consumer (?:programme|show)|bbc|the world|the internet|my followers|all my friends|every (?:\\w+ ){0,2}(?:i know|group|forum|site|page|platform|table|customer|guest|parent|person|neighbour|wedding fair|school gate)|the whole (?:\\w+ ){0,2}(?:group|village|town|street|neighbourhood|school|office|forum|community|internet|world|county|city)|(?:village|community|neighbourhood|local|school|parents'?|facebook|whatsapp|mums'?|residents'?) (?:group|forum|page|chat)");

    static final List<Rule> ANGER_RULES = List.of(
            // Name-calling aimed at us is abuse, whatever the cause: a plural insult, or an insult with "you", "bunch of", "your"
            // (not "such an idiot" or "what a fool", which people say of themselves).
            anger("insult", HOSTILE, 1.2, Guard.OWN_NOT_NEGATED,
                    "\\b(?:you|ya|u|you're|youre|you are|you all|you lot|you people|you guys|you two|bunch of|band of|pack of|load of|gang of|shower of|nest of|den of|herd of|troop of|just a bunch of|these|those)\\s+(?:[\\w-]+,?\\s+){0,3}?(?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + ")(?![\\w-])"
                            + "|\\b(?:" + STRONG_INSULTS + ")(?<=s|scum)(?![\\w-])"
                            + "|\\b(?:your|ur|that|this|these|those)\\s+(?:[\\w-]+\\s+){0,2}?(?:" + STRONG_INSULTS + ")(?![\\w-])"
                            + "|\\b(?:" + CONTEMPT_ADJECTIVES + ")(?:,?\\s+(?:and\\s+)?(?:" + CONTEMPT_ADJECTIVES + "|little|old|bunch of))*,?\\s+(?:" + CONTEXT_INSULTS + ")(?![\\w-])"
                            + "|\\b(?<=^|[.!?\\n]\\s{0,3})(?:(?:absolute|utter|total|complete|bloody|proper) )?(?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + ")(?:(?:,\\s*|\\s+and\\s+)(?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + "|the (?:whole )?lot of you|all of you|every one of you))*\\s*[.!]"
                            + "|\\brun by (?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + "|children)(?![\\w-])|\\bjoke of an? (?:company|business|shop|firm|service|place|restaurant|hotel|airline|bank)\\b"),
            // Contempt aimed at people: "you are all worthless", "brainless, the lot of you", "disgraceful people".
            anger("contempt", HOSTILE, 1.0, Guard.OWN_NOT_NEGATED,
                    "\\b(?:you(?:'re| are)?|you people|you lot|you guys|ya)(?:\\s+(?:all|both))?(?!\\s+(?:not|never))\\s+(?:(?:are|were|so|such|just|really|completely|utterly|totally|absolutely|truly|bloody|being|a bunch of|nothing but)\\s+)*(?:" + CONTEMPT_ADJECTIVES + "|a joke|a disgrace|an embarrassment|a shambles|beneath contempt)(?![\\w-])"
                            + "|\\b(?:" + CONTEMPT_ADJECTIVES + ")(?:,?\\s+(?:and\\s+)?(?:" + CONTEMPT_ADJECTIVES + "|little|old))*(?:,?\\s+(?:the (?:whole )?lot of you|all of you|the pair of you|every (?:last |single )?one of you|each and every one of you|the (?:whole|entire) (?:\\w+ )?(?:lot|bunch|shop|company|firm|place|team|crew|outfit|gang|staff|operation))\\b|\\s+(?:" + GROUP + ")(?![\\w-]))"
                            + "|\\b(?:" + PEOPLE_ADJECTIVES + ")(?:,?\\s+(?:and\\s+)?(?:" + CONTEMPT_ADJECTIVES + "|little|old))*\\s+(?:" + FIRM + ")(?![\\w-])"
                            + "|\\b(?:the (?:whole )?lot of you|every (?:last |single )?one of you|the pair of you)\\b|\\bwhat a pathetic\\b"
                            + "|\\bwhere do (?:you|they) (?:find|get|dig up|hire|recruit) (?:these|such|your|people like)\\b|\\bwho (?:hired|hires|trained|employs|employed|raised) (?:these|this|that|you|them)\\b|\\bdo you (?:even )?(?:train|hire|vet) (?:your|these|anyone)\\b"
                            + "|\\b(?:maybe|try|why not|how about|i suggest you|you should|you need to|perhaps) (?:hire|hiring|employ|employing|train|training|get|getting) (?:people|staff|someone|somebody|drivers|anyone|\\w+) (?:who|that|with (?:a brain|half a brain|eyes|a clue))\\b"
                            + "|\\b(?:sorry|pathetic|poor|pitiful|miserable) excuse (?:for|of) an?\\b|\\b(?:this|what a|filthy|disgusting|grotty|shabby|stinking|squalid|absolute|complete|total|utter) (?:[\\w-]+ )?(?:" + CONTEMPT_PLACES + ")\\b"
                            + "|\\b(?:" + CONTEMPT_ADJECTIVES + "|" + STRONG_INSULTS + ")\\b[^.!?]{0,20}\\b(?:doesn't|does not|don't|do not) (?:even )?(?:begin to|come close to) (?:cover|describe)"
                            + "|\\b(?<=^|[.!?\\n]\\s{0,3})(?:(?:absolutely|utterly|totally|completely|bloody|just|so|truly|simply) )?(?:" + PEOPLE_ADJECTIVES + ")(?:(?:,\\s*|\\s+and\\s+|\\s+)(?:" + CONTEMPT_ADJECTIVES + "|" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + "|" + CONTEMPT_PLACES + "|" + GROUP + "))*\\s*(?:[.!]|$)"
                            + "|\\byou (?:[\\w-]+ ){0,2}little (?:man|men|woman|women|boy|boys|girl|girls|people|person|twerps?|shits?|runts?|worms?|toads?|creeps?|hitlers?|napoleons?|tyrants?)\\b"),
            // Swearing at us ("screw you", "stick your notes"), as opposed to swearing about the day.
            anger("profanity", HOSTILE, 1.0, Guard.OWN_WORDS,
                    "\\b(?:screw|f\\*+k|fuck|frick|sod|damn|bugger|to hell with|curse) (?:you|your|the lot|yourselves|them|him|her|this company|this place)\\b|\\b(?:go|get) (?:to hell|stuffed|lost|f\\*+(?:ed)?|fucked|screwed)\\b|\\b(?:piss|bugger|sod|f\\*+|fuck) off\\b"
                            + "|\\b(?:shove|stick) (?:it|your|this|that|them)\\b|\\bup your (?:arse|ass)\\b|\\bkiss my (?:arse|ass)\\b|\\bbite me\\b|\\bstuff (?:it|your)\\b"
                            + "|\\b(?:you|ya|u)(?: \\w+)? (?:fucking|f\\*+ing|effing|bloody|damn|goddamn|god-damn|shitty|crappy|bastard|pissy|frigging|freaking)\\b|\\b(?:fucking|f\\*+ing|effing|bloody|goddamn|damn|shitty|frigging) (?:idiots?|morons?|useless|incompetent|staff|people|company|lot|bunch|clowns|crooks|thieves|liars|scammers|amateurs|cowboys|muppets)\\b|\\bbastards?\\b|\\bsons? of (?:a )?bitch(?:es)?\\b"),
            // Swearing about the situation ("what the hell", "damn it"): raised voice, not abuse aimed at anyone.
            anger("swearing", ANGRY, 1.0, Guard.OWN_WORDS,
                    "\\bthe hell\\b|\\bhell (?:is|are|was)\\b|\\bgoddamn\\w*|\\bbollocks\\b|\\bbullshit\\b|\\bdamn\\w*|\\bcrap\\w*|\\bgo to hell\\b|\\bf\\*+k?\\w*|\\bfuck\\w*|\\bshit\\w*|\\bbloody\\b|\\bsucks\\b|\\bwtf\\b|\\bffs\\b|\\bfor (?:god's|christ's|heaven's|pete's|fuck's) sake\\b|\\bjesus christ\\b|\\bpissed (?:off)?\\b|\\bfreaking\\b|\\bfrigging\\b|\\bbloody hell\\b|\\barse\\b|\\bass\\b"),
            // A threat of showing up, harm, retaliation or ruin is hostile.
            anger("threat", HOSTILE, 1.2, Guard.OWN_NOT_NEGATED,
                    "\\b" + INTENT + "(?:com(?:e|ing)|be|show(?:ing)?(?: up)?|turn(?:ing)? up|march(?:ing)?|storm(?:ing)?|head(?:ing)?|driv(?:e|ing)|pop(?:ping)?|walk(?:ing)?)\\s+(?:(?:back|down|up|over|round|around|in|straight|right)\\s+)*(?:there|here|in person|personally|to (?:your|the|that) (?:[\\w-]+\\s+)?(?:office|shop|store|branch|restaurant|hotel|house|home|depot|desk|counter|premises|site|yard|garage|salon|clinic|surgery|gym|bar|cafe|café|reception|warehouse|headquarters|hq)|at your (?:door|office|shop|house|desk|counter|home)|outside (?:your|the)|round (?:to )?(?:your|there)|with (?:my|some|a few|his|the) (?:mates|friends|lads|boys|brothers|family|cousins|crew))(?![\\w-])"
                            + "(?=[^.!?]{0,30}(?:in person|personally|myself|every (?:day|night|morning|single day|week)|with (?:my|some|a few) (?:mates|friends|lads|boys|brothers|family)|and (?:sort|deal|have|see|make|tell|scream|shout|give|you'll|you will|we'll|we will|find|drag|kick|smash|wreck|cause|create|raise)|until|till))"
                            + "|\\b(?:or|otherwise|else|if not|unless[^.!?]{0,40}|if you (?:don't|do not|can't)[^.!?]{0,40}|don't make me|do not make me|before i)[, ]+(?:i'll|i will|i'm|we'll|we will|i am going to|i'm going to|i shall)?\\s*(?:be\\s+)?(?:com(?:e|ing)|be|show|turn|march|storm|head|driv(?:e|ing)|pop)\\s+(?:(?:back|down|up|over|round|around|in)\\s+)*(?:there|here|to your|at your|outside|round|in person)\\b"
                            + "|\\b" + INTENT + "(?:com(?:e|ing)|be) down (?:there|here|to your)\\b(?!\\s+(?:to|and) (?:collect|pick|return|drop|get|fetch|sign|swap|exchange|pay|check|buy|order|try|see if))"
                            + "|\\b" + INTENT + "(?:[\\w-]+\\s+){0,2}?(?:destroy|ruin|sink|bury|wreck|finish|crush|smash|trash|torch|burn|shut (?:you|your \\w+|this|the place) down|close (?:you|your \\w+|this|the place) down|put you out of business|drag your (?:name|company|business)|make (?:you|your \\w+|sure you|this) (?:pay|regret|sorry|suffer)|make your (?:life|lives) (?:hell|a misery)|have your (?:job|head|badge|licence|license)|get (?:you|him|her|them|someone|somebody|whoever|the \\w+|your \\w+) (?:fired|sacked|struck off)|deal with (?:you|him|her|them|this) (?:myself|personally)|have (?:a )?(?:few |some )?(?:words|a word) with|have it out with|sort (?:you|him|her|them|this|the lot of you)(?: all| lot)? out|take matters into|get even|find (?:you|him|her|them|out where)|be waiting for|teach (?:you|him|her|them))\\b"
                            + "|\\byou(?:'ll| will) (?:regret|be sorry|pay for|live to regret|wish you)\\b|\\b(?:don't|do not) (?:test|push|cross) me\\b|\\bwatch your back\\b|\\byou(?:'ve| have) been warned\\b|\\bconsider (?:yourselves?|this) (?:warned|a warning)\\b|\\b(?:final|last) warning\\b|\\bi know where (?:you|your|he|she|they)\\b|\\bwait (?:till|until) i (?:get|see|find)\\b|\\bor else\\b|\\bmark my words\\b|\\bthrough the mud\\b|\\binto the ground\\b|\\b(?:put|drive|run) you out of business\\b"
                            + "|\\bhope (?:you|they|your \\w+) (?:go bust|go under|close|rot|burn|choke|die)\\b|\\bsort you (?:all |lot )?out\\b|\\bdon't make me come|\\bmake a scene\\b|\\byou have no idea who you're dealing with|\\byou don't know who you're dealing with|\\byou picked the wrong\\b|\\bfind your office|\\bmake (?:you|sure you) regret|\\bi will make sure everyone|\\btrash your reviews|\\bbe at your door|\\bbe outside your"),
            // Calling one of our people, or the company, a name: "your driver is a moron", "the manager is a liar".
            anger("name-calling", HOSTILE, 1.2, Guard.OWN_NOT_NEGATED,
                    "\\b(?:your|ur|that|this|whoever|the (?:driver|staff|manager|agent|cashier|waiter|waitress|technician|engineer|company|guy|woman|man|girl|boy|kid|lad|receptionist|clerk|owner|boss|chef|cook|inspector|assessor|adviser|advisor|rep|salesman|saleswoman|salesperson|courier|installer|plumber|builder|mechanic|nurse|doctor|landlord's agent|letting agent|supervisor|bouncer|security guard|team|shop|firm|business|service|support|desk|person|lady|gentleman|bloke)|he|she|they)\\s+(?:[\\w'-]+\\s+){0,3}?(?:is|are|was|were|'s|'re)\\s+(?:(?:a|an|such an?|just an?|nothing but(?: an?)?|one|total|complete|utter|absolute|proper|real|right|bunch of|pack of|load of|the biggest|clearly|obviously|basically)\\s+)*(?:[\\w-]+,?\\s+){0,2}?(?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + ")(?![\\w-])"),
            // Contemptuous words for our people or things ("your idiot cashier", "you lying cheats", "your stupid rules").
            anger("insulting-adjective", HOSTILE, 1.0, Guard.OWN_NOT_NEGATED,
                    "\\b(?:you|u|ur|you're|you are|you all|you lot|you people|your|bunch of)(?: all)? (?:[\\w-]+,? ){0,2}?(?:" + CONTEMPT_ADJECTIVES + "|fake|garbage|trash|crap|idiot)(?![\\w-])(?! (?:mistake|error|question))"
                            + "|\\bpathetic\\b|\\byou cheap\\b|\\bare you (?:all )?(?:brain-?dead|stupid|blind|deaf|idiots|morons|thick|incompetent|dense|simple|illiterate)\\b"),
            // Threats to shame us in public or pull the money back: reviews, the press, social media, a chargeback.
            anger("public-threat", HOSTILE, 0.8, Guard.OWN_NOT_NEGATED,
                    "\\b(?:post|posting|tell|telling|warn|warning|let)\\b[^.!?]{0,30}\\b(?:everyone|everybody|everywhere|every person|all over|online|the world|the whole town|the town|every (?:\\w+ ){0,2}(?:i know|table|customer|guest|parent|person|neighbour))\\b|\\b(?:one-star|1-star|one star|1 star|zero-star|zero star|bad|terrible|scathing|damning|brutal|negative|awful) reviews?\\b(?! (?:i|we) (?:left|wrote|posted|gave|put)| (?:i|we) (?:had )?(?:left|written|posted)| earlier| yesterday| last)|\\breview sites?\\b|\\b(?:tripadvisor|yelp|trustpilot)\\b"
                            + "|\\benjoy the review\\b|\\bgo(?:es|ing)? viral\\b|\\b(?:to|going to|tell|contact|contacting|call|calling|ring|ringing|write to|writing to) the (?:local )?(?:press|papers|media|news|newspapers?|tv|radio|paper)\\b|\\b(?:i'll|i will|going to|or i|or i'll|otherwise i|i shall)\\b[^.!?]{0,20}\\b(?:chargeback|charge back|disput\\w+)\\b|\\bthe bbb\\b|\\bwreck your reputation\\b|\\btrash you\\b|\\bmake your (?:lives|life) hell\\b|\\bforget about the renewal\\b|\\bddos\\b|\\bclose you down\\b|\\bwith a sign\\b"
                            + "|\\b" + INTENT + "(?:[\\w-]+\\s+){0,3}?(?:review(?:ing)?|leav(?:e|ing) (?:you )?(?:a |an )?(?:\\w+ )?reviews?|post(?:ing)?|shar(?:e|ing)|tweet(?:ing)?|expos(?:e|ing)|name and shame|shame you|blast(?:ing)?|tell(?:ing)?|warn(?:ing)?|go(?:ing)? public|contact(?:ing)?|call(?:ing)?|ring(?:ing)?|writ(?:e|ing) to|email(?:ing)?|tag(?:ging)?|film(?:ing)?|put (?:this|it|you|the \\w+) (?:on|online|up))\\b[^.!?]{0,40}?\\b(?:" + PUBLIC_PLACES + ")\\b"
                            + "|\\b(?:everyone|everybody|the whole (?:\\w+ ){0,2}(?:world|town|internet|street|village|neighbourhood|county|city|group|school|office|forum|community)|all my (?:friends|followers|contacts|neighbours)|every (?:\\w+ ){0,3}(?:i know|table|customer|guest|parent|person|in (?:town|the area|the village|the county|the city|the country)))\\b[^.!?]{0,25}\\b(?:(?:(?:is|are) going to|will|'ll|gonna|shall|is about to)\\s+(?:hear|know|see|find out|read|learn)|hears?(?= about| to| what| how| that)|knows about|finds out)\\b"
                            + "|\\b(?:go(?:es)?|going|end up|be) (?:everywhere|viral|public|on (?:social media|facebook|twitter|instagram|tiktok|reddit|youtube|the internet|the news|tv|every \\w+))\\b|\\bname and shame\\b|\\bexpose (?:you|your|this|them)\\b|\\breviews? that(?:'ll| will) (?:sink|ruin|destroy|finish)\\b"),
            // Lawyers, courts, regulators, reporting us: a threat of consequences, never calm; with abuse on top it is hostile.
            anger("legal-threat", ANGRY, 1.0, Guard.OWN_NOT_NEGATED,
                    "\\b" + INTENT + "(?:sue|suing|tak(?:e|ing)|call(?:ing)?|ring(?:ing)?|phon(?:e|ing)|contact(?:ing)?|get(?:ting)?|involv(?:e|ing)|report(?:ing)?|go(?:ing)?|writ(?:e|ing)|fil(?:e|ing)|lodg(?:e|ing)|complain(?:ing)?|refer(?:ring)?|speak(?:ing)?|talk(?:ing)?|instruct(?:ing)?|pass(?:ing)?|forward(?:ing)?|send(?:ing)?|bring(?:ing)?|seek(?:ing)?|consult(?:ing)?|start(?:ing)?|pursu(?:e|ing)|notify(?:ing)?|alert(?:ing)?|inform(?:ing)?|escalat(?:e|ing) (?:this|it) to)\\b[^.!?]{0,40}?\\b(?:" + AUTHORITIES + ")\\b"
                            + "|\\b" + INTENT + "(?:report(?:ing)?|sue|suing) (?:you|him|her|them|this|it|your|the (?:\\w+ )?(?:shop|store|company|restaurant|firm|bakery|business|clinic|landlord|salon|garage|hotel|driver|staff|lot))\\b|\\b" + INTENT + "(?:filing|lodging|file|lodge) (?:a |an )?(?:formal |official )?(?:complaint|claim|report|case)\\b"
                            + "|\\b(?:sue|suing) (?:you|your|the lot|them|the company|the pants)\\b|\\bsee you in court\\b|\\b(?:take|taking|drag|dragging) (?:you|this|it|them|the (?:\\w+ )?(?:company|shop|business|firm|matter)|your \\w+) to (?:court|small claims|the ombudsman|a tribunal|tribunal|the cleaners)\\b|\\blegal action\\b|\\bletter before action\\b|\\bsmall claims\\b"
                            + "|\\bmy (?:lawyer|solicitor|attorney|legal team|legal department)(?:'s| will|'ll| is going to| shall| can| calls| has been| is (?:aware|copied|cc'd|looking|drafting|in touch))\\b|\\b(?:contact|contacting|call|calling|speak to|talk to|involve|involving|instruct|instructing|consult|consulting|ask|get|passing this to|forwarding this to|cc'?d|copied|copying) (?:in )?my (?:lawyer|solicitor|attorney|legal team)\\b|\\bhear(?:ing)? from my (?:lawyer|solicitor|attorney)|\\byou'll be hearing from\\b"
                            + "|\\b(?:report|reporting) (?:you|your \\w+|this|it|him|her|them|the (?:\\w+ )?(?:shop|store|company|restaurant|firm|bakery|business|clinic|landlord|salon|garage|hotel|driver|staff)) to\\b|\\b" + INTENT + "(?:sue|suing)\\b"
                            + "|\\b(?:i've|i have|we've|we have|i've already|i have already|i already) (?:contacted|written to|complained to|been in touch with|spoken to|consulted|instructed)\\b[^.!?]{0,30}\\b(?:" + AUTHORITIES + ")\\b"),
            // An agent's note of abuse from the customer ("Caller called the agent a moron", "called us 'scammers'").
            anger("reported-abuse", HOSTILE, 1.2, Guard.NARRATED,
                    "\\b(?:called|calling|calls|branded|labelled|labeled) (?:us|me|the (?:[\\w-]+ ){0,2}?|our (?:[\\w-]+ ){0,2}?|everyone|everybody|them|all of us)\\s*(?:an? |such an? )?['\"]?(?:[\\w-]+[ ,]+){0,3}?(?:" + STRONG_INSULTS + "|" + CONTEXT_INSULTS + "|" + CONTEMPT_ADJECTIVES + ")(?![\\w-])"
                            + "|\\b(?:swore|swearing|sweared|cursed|cursing|effing and blinding|spat|spitting|threw|throwing|hurled|lunged|shoved|pushed|kicked|punched) (?:at|about|on|over)\\b|\\bverbally (?:abus\\w+|aggressive)|\\b(?:abused|insulted|threatened) (?:the|our|us|me|staff|an?)\\b|\\b(?:abusive|aggressive|threatening) (?:to|towards|at|on the phone|language)\\b|\\bfoul (?:language|mouthed)\\b"),
            // An agent's note of a threat from the customer ("says he will call the local TV station").
            anger("reported-threat", HOSTILE, 1.2, Guard.NARRATED,
                    "\\b(?:says|said|threatened|threatening|threatens|warned|vowed|swore|promised|told us|told me|told the \\w+)(?: that)? (?:he|she|they)(?:'ll| will| would|'d| is going to| was going to| are going to| is| was| are)?\\s+(?:\\w+\\s+){0,2}?(?:come|coming|call|calling|go|going|report|reporting|sue|suing|take|taking|post|posting|tell|telling|contact|contacting|ring|ringing|write|writing|get|getting|see|seeing|have|bring|bringing|involve|involving|leave|leaving|expose|exposing|be back)\\b[^.!?]{0,40}\\b(?:" + AUTHORITIES + "|" + PUBLIC_PLACES + "|mates|friends|lads|brothers|back with|sort|deal with|make (?:us|you|them) pay|regret|destroy|ruin)"
                            + "|\\bthreaten(?:ed|ing|s)? (?:to|us|the|our|legal|me|staff)\\b|\\b(?:his|her|their) (?:lawyer|solicitor|attorney)s? (?:will|'ll|is going to|would)\\b"),

            // Runs of exclamation or "?!" are the written form of raising one's voice.
            anger("exclamation-run", ANGRY, 1.0, Guard.ANY, "!{2,}|\\?!|!\\?"),
            // Words of outrage.
            anger("outrage-words", ANGRY, 1.0, Guard.OWN_NOT_NEGATED,
                    "\\b(?:unacceptable|outrageous|ridiculous|unbelievable|disgraceful|disgrace|appalling|absurd|scandal|infuriating|furious|livid|astonished|beyond unacceptable|how dare|how is (?:this|that|it) (?:even )?(?:acceptable|possible)|how hard is it|sick of|daylight robbery|dirty trick|are you serious|are you kidding(?: me)?|you're kidding(?: me)?|you must be joking|seriously|unreal|a disaster|serious (?:professional )?failure|entirely unacceptable|completely unacceptable|never again|what is wrong with|is anyone even|does anyone there|give me a break|come on|not now)\\b|\\benough!"),
            // Commands and demands with a deadline.
            anger("demand", ANGRY, 0.6, Guard.OWN_NOT_NEGATED,
                    "\\bi demand\\b|\\b(?:i|we) (?:expect|require) (?:you|a|the|it)\\b|\\bfix (?:this|it) (?:now|immediately|properly)\\b|\\bimmediately\\b|\\bright now\\b|\\bsort it out\\b|\\bget it here\\b|\\bjust get\\b|\\bnow!|\\bnow or\\b|\\bfix it!|\\btoday!|\\bturn it down|\\bopen another"),
            // Biting sarcasm ("brilliant job as always") is anger dressed up as praise ("great, thanks" alone is courtesy).
            anger("sarcasm", ANGRY, 1.0, Guard.ANY,
                    "\\b(?:oh )?(?:fantastic|brilliant|great|wonderful|lovely|perfect|wow)[,.!]? (?:another|job|service|just great|to wait|stuff|as always)|\\bthanks (?:a lot|so much for (?:delivering|nothing|breaking|ruining))|\\bbrilliant job|\\bgreat job\\b"
                            + "|\\breally top quality|\\bcan't wait to see what\\b|\\bsuch a (?:good|great) use\\b|\\bjust great\\b|\\bgreat,? just great|\\bgreat service,? not|\\bsuch good service"),

            // Measured disappointment or frustration: upset, not angry.
            anger("disappointment", UPSET, 0.7, Guard.NOT_NEGATED,
                    "\\b(?:disappoint\\w*|let ?down|letdown|not happy|unhappy|not pleased|not impressed|not great|not cool|frustrat\\w*|annoy\\w*|upset\\w*|fed up|tired of|getting tired|a shame|it's a shame|sad\\b|shame|worried|stressful|expected better|cheated|sneaky|misled|ignored|grumpy|cross|snappy|disheartening|rubbed me the wrong way|panicked|anxious|hurts|hurt|ruined|meh|not ok|not what i expected|exhausted|stressed|miserable|feeling a bit|isn't great|bothered|gutted|a pity)\\b"),
            // Measured frustration in other words: patience running out, a sour taste, "a bit much".
            anger("frustration-words", UPSET, 0.6, Guard.NOT_NEGATED,
                    "\\b(?:running out of patience|sour taste|tired of|getting tired|not ideal|would(?:'ve| have) been (?:good|nice)|a bit much|seems? (?:like )?a lot|feels? like a lot|not how (?:we|i) hoped|not what i (?:expect|expected|paid for)|costing me|kinda|bummed|gutted|so annoying|why does it have to|why is it always|could you not|can't you|drained|worn out|frazzled|disheartened|unfair|doesn't seem fair|not fair|a bit off|irritat\\w*|aggravat\\w*|i (?:just )?wish|nasty surprise|feel (?:a bit )?low|not what (?:i|we) (?:paid|needed|wanted|hoped)\\w*|(?:don't|do not) think (?:that's|it's|that is|it is) fair|sad|relying on|pretty annoying|spoil(?:ed|t)|felt pushy|hard to hear)\\b"),
            // The cost to them: a lost day, a wasted trip. Not anger by itself, but it tips calm into upset.
            anger("personal-cost", UPSET, 0.35, Guard.ANY,
                    "\\blost (?:half )?a (?:day|morning)|\\btook (?:the|a) (?:morning|day) off|\\bfor nothing\\b|\\blooking forward\\b|\\barranged childcare|\\bcouldn't eat|\\bfor (?:my|our) (?:mum|mom|dad|daughter|son|wife|husband)'s|\\bin the cold\\b|\\bruined (?:dinner|the|our|my)")
    );

    /** Courtesy words; they lower the chance that a lone exclamation mark is anger. */
    static final Pattern POLITE = p("\\b(?:please|thank you|thanks|thankyou|kind regards|best regards|regards|dear|hello|hi|good (?:morning|afternoon)|could you|would you|may i|cheers)\\b");

    /** Acronyms and codes that are written in capitals without shouting. */
    static final Set<String> NOT_SHOUTING = Set.of("USD", "EUR", "GBP", "VAT", "PDF", "LED", "MOT", "DMV", "CEO", "UK", "USA",
            "SMS", "ATM", "PIN", "OK", "TV", "ID", "FAQ", "API", "URL", "CD", "DVD", "PC", "IT", "HR", "VIP", "AM", "PM", "SKU",
            "NHS", "EU", "BBC", "SPRING10", "LOL", "TBH", "ASAP", "GPS", "DIY", "XL", "XXL", "RSVP", "ETA");

    /** Common English words; too few of them means the complaint is probably in another language. */
    static final Set<String> ENGLISH = Set.of("the", "a", "an", "and", "or", "but", "i", "my", "me", "we", "our", "you", "your",
            "it", "is", "was", "are", "were", "be", "been", "to", "of", "in", "on", "for", "with", "at", "by", "from", "this",
            "that", "not", "no", "have", "has", "had", "do", "did", "does", "can", "could", "would", "will", "please", "thanks",
            "what", "why", "how", "when", "they", "there", "so", "if", "as", "just", "still", "again", "order", "got", "get",
            "now", "all", "one", "two", "after", "before", "very", "too", "it's", "i'm", "don't", "didn't", "hi", "hello");

    // ---------------------------------------------------------------------------------------------------
    // Computed signals (beyond single phrases)
    // ---------------------------------------------------------------------------------------------------

    /** An event the item was bought for ("for my cousin's wedding"), the first half of wardrobing. */
    static final Pattern EVENT = p("\\b(?:wedding|party|interview|gala|prom|festival|trip|holiday|vacation|concert|ceremony|graduation|reunion|tournament|marathon|race|shoot|filming|dinner|eclipse|exams?|halloween|christening|conference|photoshoot|recital|birthday|bank holiday weekend|stay|project|black-tie|weekend)\\b");
    /** Used or worn it. */
    static final Pattern USED = p("\\b(?:wore|worn|wearing|used|took|played|shoot|shot|filmed|finished|for the race|for our|for my|for a|bought (?:the|this|it|these) [^.!?]{0,30}for|bought (?:\\w+ ){0,2}for)\\b");
    /** Now wants it taken back as faulty, for the money. */
    static final Pattern RETURN_FOR_REFUND = p("\\b(?:return|send (?:it )?back|full refund|money back|refund)\\b");

    /** Money they ask for, e.g. "$5,000", "10,000", "500 quid", "1000 for the stress". */
    static final Pattern MONEY = p("(?:[$\u00a3\u20ac]\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d{3,7})(?:\\.\\d{2})?(?!\\s?(?:%|pages|people|percent|kids|users|seats|gb|mb|minutes|min|days|years|km|miles|am|pm|\\d))");
    static final Pattern DEMAND_CONTEXT = p("\\b(?:want|demand|pay|paid back|compensat\\w*|give me|refund me|owe|expect|for the|for my|quid|or i|i'd like|fair|per fan|for the emotional)\\b");

    /** Threats to health, safety or a legal case make a complaint urgent whatever else it says. */
    static final Pattern SAFETY_OR_LEGAL = p("\\b(?:sick|vomit\\w*|poison\\w*|food poisoning|allergic|glass in|raw chicken|raw meat|cut my|injur\\w*|bleeding|hospital|dangerous|gas|insulin|newborn|fire hazard|electric shock|lawyer|solicitor|attorney|sue|suing|court|legal action|health department|regulator|ombudsman|police|trading standards)\\b");

    /** Words and phrases that point at what went wrong underneath, for follow-up's recurring-cause view. */
    static final List<Rule> ROOT_CAUSE_RULES = List.of(
            // Wrong or missing items in the box are packing errors.
            root(RootCause.PACKING_ERROR, 1.2, "\\bwrong (?:item|size|colou?r|model|one|lid)|\\binstead (?:of|received|got)|\\bmissing\\b|\\bin the box|\\bpacking slip|\\bcame without|\\bonly (?:one|the left|two)\\b|\\bmissing (?:pages|the|item)|\\bsame items"),
            // Parcels, couriers and tracking are delivery.
            root(RootCause.DELIVERY, 1.0, "\\b(?:parcel|package|courier|driver|delivered|tracking|delivery|shipped to|van|signed for|locker|dispatch\\w*|transfer|movers)\\b|\\bnever arrived"),
            // Things that break, tear, leak or spoil are product quality.
            root(RootCause.PRODUCT_QUALITY, 0.9, "\\b(?:ran out|broke\\w*|crack\\w*|defect\\w*|faulty|stopped working|torn|tear|leak\\w*|shr[au]nk|stain|scratch\\w*|stale|mould\\w*|expired|sick|glass in|hair in|raw|soggy|cold|burnt|melted|fade\\w*|quality|battery|worn|squeak\\w*|stiff|loose|bent|crackles|buzz|smoke|blurry)\\b"),
            // The work of our people: reports, repairs, visits, staff conduct.
            root(RootCause.SERVICE_QUALITY, 0.8, "\\b(?:report|analysis|consult\\w*|technician|engineer|plumber|fitter|cleaner|stylist|groomer|installer|electrician|rude|staff|waiter|manager|agent|repair\\w*|workshop|translation|audit|accountant|agency|vaccine|prescription|pharmacist|barber|guide|photographer|cake|cleaning|service)\\b"),
            // Time lost waiting: queues, holds, late appointments.
            root(RootCause.WAITING_TIME, 1.0, "\\b(?:waited|waiting|on hold|queue\\w*|late|delay\\w*|hours?|appointment|slow|minutes|weeks?|still no|still not)\\b"),
            // Money taken wrongly: charges, invoices, bills.
            root(RootCause.BILLING, 1.0, "\\b(?:charged?|charges|invoice\\w*|bill|billed|refund|overcharg\\w*|direct debit|payment|card|price|statement|fee)\\b"),
            // Terms and rules the customer did not expect.
            root(RootCause.UNCLEAR_POLICY, 0.8, "\\b(?:policy|terms|contract|minimum|limit|non-refundable|expir\\w*|renew\\w*|trial|restocking|tariff|fair[- ]use|excess|exclusion|warranty|included|cancellation|fees?)\\b"),
            // What a salesperson or an advert promised.
            root(RootCause.SALES_PROMISE, 1.2, "\\b(?:sales ?(?:person|man|guy|rep)|was promised|promised|told me it would|the ad\\b|advert\\w*|assured|sold as|sold us|the banner|the listing)\\b"),
            // Screens, apps and e-mails that confuse or fail.
            root(RootCause.INTERFACE_PROBLEM, 0.9, "\\b(?:app|website|site|login|log in|logs? me out|password|e-?mails?|button|font|colou?rs?|checkout|page|captcha|pop-?up|notification|chatbot|menu|form|upload|link|pdf|export|sync|bug|screen|newsletter|banner|survey|reminder|verification|text|dark mode|night mode)\\b"),
            // Nothing of ours to fix: weather, luck, other companies.
            root(RootCause.EXTERNAL, 1.4, "\\b(?:weather|forecast|rain\\w*|snow\\w*|sun\\w*|fog\\w*|horoscope|fortune|lottery|jinx\\w*|neighbou?rs?|another airline|team|heat)\\b")
    );

    // ---------------------------------------------------------------------------------------------------

    /**
     * The same alternation ("idiots?|imbeciles?|morons?") regrouped by first letter ("i(?:diots?|mbeciles?)|m(?:orons?)"),
     * so a word start tries a couple of branches instead of a hundred: the word families stay readable above and
     * cost little per complaint.
     */
    static String byFirstLetter(String alternation) {
        java.util.Map<Character, List<String>> byLetter = new java.util.TreeMap<>();
        List<String> others = new ArrayList<>();
        int depth = 0;
        int start = 0;
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < alternation.length(); i++) {
            char c = alternation.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(alternation.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(alternation.substring(start));
        for (String branch : branches) {
            boolean plainFirst = branch.length() > 1 && Character.isLetter(branch.charAt(0)) && "?*+{".indexOf(branch.charAt(1)) < 0;
            if (plainFirst) {
                byLetter.computeIfAbsent(branch.charAt(0), k -> new ArrayList<>()).add(branch.substring(1));
            } else {
                others.add(branch);
            }
        }
        StringBuilder out = new StringBuilder("(?:");
        byLetter.forEach((letter, rests) -> out.append(letter).append("(?:").append(String.join("|", rests)).append(")|"));
        others.forEach(o -> out.append(o).append('|'));
        out.setLength(out.length() - 1);
        return out.append(')').toString();
    }

    static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static Rule cause(String signal, Cause cause, double weight, Guard guard, String regex) {
        return new Rule(signal, "cause:" + cause.name(), weight, guard, p(regex));
    }

    private static Rule anger(String signal, Anger level, double weight, Guard guard, String regex) {
        return new Rule(signal, "anger:" + level.name(), weight, guard, p(regex));
    }

    private static Rule root(RootCause root, double weight, String regex) {
        return new Rule("root-" + root.name().toLowerCase(), "root:" + root.name(), weight, Guard.ANY, p(regex));
    }

    /** Amounts the customer asks for, in their text or their desired outcome. */
    static List<BigDecimal> demandedAmounts(String text) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 50);
            int to = Math.min(text.length(), m.end() + 40);
            String around = text.substring(from, to);
            String number = m.group(1).replace(",", "");
            boolean year = number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
            if (!year && DEMAND_CONTEXT.matcher(around).find()) {
                amounts.add(new BigDecimal(number));
            }
        }
        return amounts;
    }

    /** Signals from the customer's history, not their words; the corpus has none, so their weights are hand-set. */
    static final Set<String> HISTORY_SIGNALS = Set.of("history-never-arrived", "history-refunds",
            "long-time-customer-first-complaint");

    /** Abuse aimed at us: with one of these a complaint is never read as less than ANGRY. */
    static final Set<String> ABUSE_SIGNALS = Set.of("insult", "name-calling", "contempt", "profanity", "insulting-adjective",
            "reported-abuse");
    /** Threats aimed at us (coming down, ruin, public shaming, lawyers and regulators). With abuse, the only way to
     *  HOSTILE; and, like abuse, never read as less than ANGRY, so the scale stays ordinal. */
    static final Set<String> THREAT_SIGNALS = Set.of("threat", "public-threat", "legal-threat", "reported-threat");
    /** Raised voice in writing (capitals, "!!", outrage, swearing), biting sarcasm, or disappointment in the customer's
     *  own words: with one of these a complaint is never CALM (in the corpus, disappointment is CALM in under 3%). */
    static final Set<String> NEVER_CALM_SIGNALS = Set.of("exclamation-run", "shouting", "outrage-words", "swearing", "sarcasm",
            "disappointment");

    /** Signals summing to at least this learned weight support the chosen cause (contradiction check). */
    static final double SUPPORTING_WEIGHT = 0.3;
    /** Another cause whose signals sum to this much is a real rival, whatever the model chose: ask a person. */
    static final double RIVAL_SUPPORT = 1.5;

    /** Three earlier never-arrived claims in a year outweigh one claim's polite wording (issue #6). */
    static final double HISTORY_NEVER_ARRIVED = 2.5;
    /** Many refunds in a year add a little suspicion, never enough on their own. */
    static final double HISTORY_REFUNDS = 0.5;
    /** A long-standing customer's first complaint in a year gets the benefit of the doubt. */
    static final double LOYAL_FIRST_COMPLAINT = -0.8;

    /** Someone telling us about a bad day, or apologising for their tone, is upset even in calm words. */
    static final double BAD_DAY_MOOD = 0.5;

    /** Calm is the absence of anger evidence; these are the levels in the order they are tested. */
    static final List<Anger> LEVELS_HIGH_TO_LOW = List.of(HOSTILE, ANGRY, UPSET, CALM);
}
