using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Geography;

/// <summary>INSEE indicator files per IRIS: Filosofi 2015 incomes (decimal commas, quoted; empty cells under statistical
/// secrecy) and the 2015 census's residents' activity (whole numbers).</summary>
[Collection(ApiCollection.Name)]
public sealed class IndicatorsImportTests(ApiFixture api)
{
    [Fact]
    public async Task IncomesPerIrisAreReadWithTheirDecimalCommasAndSecretCellsLeftOut()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "indicators", SharedData.File("insee", "revenus-2015.csv"), new Dictionary<string, string>
        {
            ["columns"] = "DISP_MED15=Revenu disponible médian|€|mean, DISP_TP6015=Taux de pauvreté|%, DISP_PIMPOT15",
        })).ShouldHaveSucceeded();

        report.Summary.ShouldBe("3 indicators per IRIS, 33863 values.");
        var indicators = await api.WithDbAsync(db => db.Set<Indicator>().ToDictionaryAsync(i => i.Code));
        indicators.Keys.ShouldBe(["DISP_MED15", "DISP_TP6015", "DISP_PIMPOT15"], ignoreOrder: true);
        var median = indicators["DISP_MED15"];
        (median.Label, median.Unit, median.Level, median.Aggregation, median.Source).ShouldBe(("Revenu disponible médian", "€", ZoneLevel.Iris, IndicatorAggregation.Mean, "revenus-2015.csv"));
        indicators["DISP_TP6015"].Aggregation.ShouldBe(IndicatorAggregation.Mean);
        indicators["DISP_PIMPOT15"].Label.ShouldBe("DISP_PIMPOT15");
        // 12,227 IRIS: the median is published for 12,212 of them, the poverty rate for 9,439.
        (await CountAsync(median.Id)).ShouldBe(12_212);
        (await CountAsync(indicators["DISP_TP6015"].Id)).ShouldBe(9_439);
        // Brest, Saint-Pierre (290190105): 16674, "26,4", "-13,5".
        (await ValueAsync(median.Id, "290190105")).ShouldBe(16674);
        (await ValueAsync(indicators["DISP_TP6015"].Id, "290190105")).ShouldBe(26.4);
        (await ValueAsync(indicators["DISP_PIMPOT15"].Id, "290190105")).ShouldBe(-13.5);
    }

    [Fact]
    public async Task UnemployedResidentsOfParisAreAnIndicatorThatAddsUp()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "indicators", SharedData.File("insee", "emploi-2015.csv"), new Dictionary<string, string>
        {
            ["columns"] = "P15_CHOM1564=Chômeurs de 15 à 64 ans|personnes|sum",
        })).ShouldHaveSucceeded();

        report.Counts()["values"].ShouldBe(992);
        var unemployed = await api.WithDbAsync(db => db.Set<Indicator>().SingleAsync());
        (unemployed.Code, unemployed.Aggregation, unemployed.Level).ShouldBe(("P15_CHOM1564", IndicatorAggregation.Sum, ZoneLevel.Iris));
        (await ValueAsync(unemployed.Id, "751010101")).ShouldBe(61);
        (await api.WithDbAsync(db => db.Set<IndicatorValue>().SumAsync(v => v.Value))).ShouldBe(145_848);

        // Importing it again replaces its values rather than adding to them.
        (await Importing.RunAsync(api, "indicators", SharedData.File("insee", "emploi-2015.csv"), new Dictionary<string, string>
        {
            ["columns"] = "P15_CHOM1564=Chômeurs|personnes|sum",
        })).ShouldHaveSucceeded();
        (await CountAsync(unemployed.Id)).ShouldBe(992);
        (await api.WithDbAsync(db => db.Set<Indicator>().SingleAsync())).Label.ShouldBe("Chômeurs");
    }

    private Task<int> CountAsync(Guid indicator) => api.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync(v => v.IndicatorId == indicator));

    private Task<double> ValueAsync(Guid indicator, string zone) =>
        api.WithDbAsync(db => db.Set<IndicatorValue>().Where(v => v.IndicatorId == indicator && v.ZoneCode == zone).Select(v => v.Value).SingleAsync());
}
