using Coopol.Features.Targets;

namespace Coopol.Tests.Features.Targets;

/// <summary>Results that do not add up, and bloc definitions that leave nuances out, are refused with the field and a code.</summary>
public sealed class EntryRulesTests
{
    private static readonly string[] Candidates = ["LE GAC", "DONVAL"];

    private static IEnumerable<string> Codes(ResultEntry entry) => ResultEntryRules.Check(entry, Candidates).Select(e => $"{e.Field}:{e.Code}");

    [Fact]
    public void MinutesThatAddUpPass()
    {
        // 1,000 registered, 640 voted: 12 blank, 8 null, 620 expressed = 400 + 220.
        Codes(new ResultEntry(1000, 640, 12, 8, 620, new Dictionary<string, int> { ["LE GAC"] = 400, ["DONVAL"] = 220 })).ShouldBeEmpty();
    }

    [Fact]
    public void MinutesThatDoNotAddUpAreRefusedWithTheFieldToCorrect()
    {
        Codes(new ResultEntry(1000, 640, 12, 8, 610, new Dictionary<string, int> { ["LE GAC"] = 400, ["DONVAL"] = 220 }))
            .ShouldBe(["voters:VOTERS_DO_NOT_ADD_UP", "expressed:VOTES_DO_NOT_ADD_UP"]);
        Codes(new ResultEntry(600, 640, 12, 8, 620, new Dictionary<string, int> { ["LE GAC"] = 400, ["DONVAL"] = 220 }))
            .ShouldBe(["voters:MORE_VOTERS_THAN_REGISTERED"]);
        Codes(new ResultEntry(1000, -1, 12, 8, 620, new Dictionary<string, int> { ["LE GAC"] = 400, ["KERVELLA"] = 220 }))
            .ShouldBe(["voters:NEGATIVE", "votes.KERVELLA:UNKNOWN_CANDIDATE", "votes.DONVAL:MISSING"]);
    }

    [Fact]
    public void ABlocDefinitionThatLeavesNuancesOutOrMakesEveryBlocOurSideIsRefused()
    {
        var blocs = new Dictionary<string, string> { ["UG"] = "gauche", ["ENS"] = "centre", ["RN"] = "extrême droite" };
        BlocDefinitionRules.Check(blocs, ["gauche"], ["UG", "ENS", "RN"]).ShouldBeEmpty();
        BlocDefinitionRules.Check(blocs, ["gauche"], ["UG", "ENS", "RN", "DVD", "EXG"]).Single()
            .ShouldSatisfyAllConditions(e => e.Code.ShouldBe("NUANCES_UNASSIGNED"), e => e.Message.ShouldContain("DVD, EXG"));
        BlocDefinitionRules.Check(blocs, [], ["UG"]).Select(e => e.Code).ShouldBe(["REQUIRED"]);
        BlocDefinitionRules.Check(blocs, ["gauche", "centre", "extrême droite"], ["UG"]).Select(e => e.Code).ShouldBe(["NO_OTHER_SIDE"]);
        BlocDefinitionRules.Check(blocs, ["écologistes"], ["UG"]).Select(e => e.Code).ShouldBe(["UNKNOWN_BLOC"]);
    }
}
