using Coopol.Features.Addresses;

namespace Coopol.Tests.Features.Addresses;

/// <summary>Walk-list order and split, on small hand-made turfs (no database).</summary>
public sealed class WalkListSplitTests
{
    private static long _nextId;

    private static TurfAddress At(string street, int number, string? suffix = null, int doors = 1, string commune = "54084") =>
        new(++_nextId, commune, street, number, suffix, $"{number} {street}", 5.83, 49.32, null,
            [new TurfBuilding(_nextId, null, doors == 1 ? null : doors, doors)]);

    private static List<TurfAddress> Street(string name, int houses) => Enumerable.Range(1, houses).Select(n => At(name, n)).ToList();

    private static string Name(TurfAddress a) => $"{a.Number}{a.Suffix} {a.StreetName}";

    [Fact]
    public void AStreetIsWalkedOddSideThenEvenSideEachByNumberThenSuffix()
    {
        var shuffled = new[] { At("Rue Joffre", 4), At("Rue Joffre", 1, "bis"), At("Rue Joffre", 2), At("Rue Joffre", 3), At("Rue Joffre", 1), At("Rue Joffre", 1, "ter") };

        var share = WalkList.Split(shuffled, 1).Single();

        share.Select(Name).ShouldBe(["1 Rue Joffre", "1bis Rue Joffre", "1ter Rue Joffre", "3 Rue Joffre", "2 Rue Joffre", "4 Rue Joffre"]);
    }

    [Fact]
    public void StreetsFollowFrenchCollationAccentsAndCaseAside()
    {
        var share = WalkList.Split([At("Rue des Fronts", 1), At("rue de l’Église", 1), At("Rue de l’Eglise", 3), At("Allée des Acacias", 1), At("Rue Zola", 1, commune: "29019")], 1).Single();

        share.Select(Name).ShouldBe(["1 Rue Zola", "1 Allée des Acacias", "1 rue de l’Église", "3 Rue de l’Eglise", "1 Rue des Fronts"]);
    }

    [Fact]
    public void FourStreetsOfTenHousesGiveOneStreetToEachOfFourShares()
    {
        var turf = Street("Rue A", 10).Concat(Street("Rue B", 10)).Concat(Street("Rue C", 10)).Concat(Street("Rue D", 10)).Reverse().ToList();

        var shares = WalkList.Split(turf, 4);

        shares.Select(s => s.Select(a => a.StreetName).Distinct().Single()).ShouldBe(["Rue A", "Rue B", "Rue C", "Rue D"]);
        shares.ShouldAllBe(s => s.Count == 10);
    }

    [Fact]
    public void ACutMovesToAStreetChangeWhenItCostsATenthOfAShareOrLessAndStaysInsideTheStreetOtherwise()
    {
        // 20 doors, 2 shares of 10: the street change after 11 houses is one door off (a tenth of 10).
        var near = WalkList.Split(Street("Rue A", 11).Concat(Street("Rue B", 9)), 2);
        near.Select(s => s.Count).ShouldBe([11, 9]);
        near[0].ShouldAllBe(a => a.StreetName == "Rue A");

        // After 13 houses it is three doors off: the cut stays at 10, inside Rue A.
        var far = WalkList.Split(Street("Rue A", 13).Concat(Street("Rue B", 7)), 2);
        far.Select(s => s.Count).ShouldBe([10, 10]);
    }

    [Fact]
    public void SharesAreBalancedByDoorsNotByAddresses()
    {
        // Number 1 is a block of 30 flats, then 30 houses: the block alone is half the doors.
        var turf = new[] { At("Rue A", 1, doors: 30) }.Concat(Enumerable.Range(2, 30).Select(n => At("Rue A", n))).ToList();

        var shares = WalkList.Split(turf, 2);

        shares.Select(s => s.Sum(a => a.Doors)).ShouldBe([30, 30]);
        shares[0].Select(Name).ShouldBe(["1 Rue A"]);
    }

    [Fact]
    public void SharesAreContiguousPiecesOfTheWalkingOrderCoveringEveryAddressOnce()
    {
        var random = new Random(7);
        var turf = Enumerable.Range(0, 200).Select(_ => At($"Rue {random.Next(12)}", random.Next(1, 80), doors: random.Next(1, 6))).ToList();

        var shares = WalkList.Split(turf, 7);

        shares.Count.ShouldBe(7);
        shares.SelectMany(s => s).ShouldBe(WalkList.Split(turf, 1).Single());
        var target = turf.Sum(a => a.Doors) / 7.0;
        // Each of its two cuts is off by at most half an address (5 doors at most) plus a street change's tenth of a share.
        shares.ShouldAllBe(s => Math.Abs(s.Sum(a => a.Doors) - target) <= 0.2 * target + 5);
    }

    [Fact]
    public void OneShareIsTheWholeTurf()
    {
        var turf = Street("Rue A", 5);
        WalkList.Split(turf, 1).Single().Count.ShouldBe(5);
        WalkList.Split([], 1).Single().ShouldBeEmpty();
    }

    [Fact]
    public void WithMoreSharesThanAddressesTheFirstSharesGetOneAddressEachAndTheLastOnesAreEmpty()
    {
        var shares = WalkList.Split(Street("Rue A", 3), 5);

        shares.Select(s => s.Count).ShouldBe([1, 1, 1, 0, 0]);
    }

    [Fact]
    public void EveryShareGetsAnAddressWhileThereAreEnoughEvenWhenOneAddressHasMostDoors()
    {
        var shares = WalkList.Split([At("Rue A", 1, doors: 100), At("Rue A", 3), At("Rue A", 5)], 3);

        shares.Select(s => s.Count).ShouldBe([1, 1, 1]);
    }

    [Fact]
    public void ZeroSharesIsRefused() => Should.Throw<ArgumentOutOfRangeException>(() => WalkList.Split(Street("Rue A", 2), 0));
}
