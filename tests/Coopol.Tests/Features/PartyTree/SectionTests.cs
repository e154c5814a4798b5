using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.PartyTree;

[Collection(ApiCollection.Name)]
public sealed class SectionTests(ApiFixture api)
{
    private const string Create = "mutation($input: CreateSectionInput!) { createSection(input: $input) { section { id name federation { code } seatLocation { latitude } hasTerritory } errors { __typename code ... on ValidationError { field } } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task ListsEveryFederationIncludingCorsicaOverseasAndAbroad()
    {
        await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("{ federations(first: 100) { totalCount } a: federation(code: \"2A\") { name } b: federation(code: \"976\") { name } z: federation(code: \"ZZ\") { name } }");
        answer.ShouldHaveNoErrors().At("federations.totalCount")!.GetValue<int>().ShouldBe(103);
        answer.At("a.name")!.GetValue<string>().ShouldBe("Corse-du-Sud");
        answer.At("b.name")!.GetValue<string>().ShouldBe("Mayotte");
        answer.At("z.name").ShouldNotBeNull();
    }

    [Fact]
    public async Task AFederationSecretaryCreatesASectionInTheirFederationOnly()
    {
        await TestWorld.CreateAsync(api);
        var ok = await GraphQL.PostAsync(Create, new { input = new { federationCode = "29", name = "Landerneau", seatLocation = new { latitude = 48.45, longitude = -4.25 } } }, TestWorld.FederationSecretaryA);
        ok.ShouldHaveNoErrors().At("createSection.section.federation.code")!.GetValue<string>().ShouldBe("29");
        ok.At("createSection.section.hasTerritory")!.GetValue<bool>().ShouldBeFalse();

        var other = await GraphQL.PostAsync(Create, new { input = new { federationCode = "04", name = "Forcalquier" } }, TestWorld.FederationSecretaryA);
        other.PayloadErrorCodes("createSection").ShouldBe(["FORBIDDEN"]);
        var unknown = await GraphQL.PostAsync(Create, new { input = new { federationCode = "00", name = "Nowhere" } }, TestWorld.National);
        unknown.At("createSection.errors.0.field")!.GetValue<string>().ShouldBe("federationCode");
        var duplicate = await GraphQL.PostAsync(Create, new { input = new { federationCode = "29", name = "ALPHA" } }, TestWorld.National);
        duplicate.PayloadErrorCodes("createSection").ShouldBe(["SECTION_NAME_TAKEN"]);
    }

    [Fact]
    public async Task SectionsArePublicButTheirPeopleAreNot()
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("query($s: ID!) { section(id: $s) { name federation { name } people { totalCount } } }", new { s = w.S1Id });
        answer.At("section.name")!.GetValue<string>().ShouldBe("Alpha");
        answer.ErrorCodes.ShouldBe(["UNAUTHENTICATED"]);
    }
}
