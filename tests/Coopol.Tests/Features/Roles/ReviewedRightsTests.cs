using Coopol.Access;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Roles;

/// <summary>What the attacker review of rights found, each as the request that showed it.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewedRightsTests(ApiFixture api)
{
    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task WhatARevocationWouldTakeWithItShowsOnlyDelegationsTheCallerMaySee()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            // The federation secretary delegated on S2: the S1 delegate has no business knowing it exists.
            world.Grants["on-s2"] = new RoleGrant
            {
                PersonId = world.People[TestWorld.PersonS2].Id, Role = Role.Delegate, Level = TreeLevel.Section, FederationCode = "29",
                SectionId = world.S2.Id, Permissions = Permission.ViewPeople, ParentGrantId = world.Grants[TestWorld.FederationSecretaryA].Id,
                GrantedById = world.People[TestWorld.FederationSecretaryA].Id, GrantedAt = DateTime.UtcNow,
            };
        });
        const string query = "query($id: ID!) { person(id: $id) { grants { items { role revokedWithIt { totalCount items { section { name } } } } } } }";
        var asDelegate = await GraphQL.PostAsync(query, new { id = w.IdOf(TestWorld.FederationSecretaryA) }, TestWorld.DelegateS1);
        asDelegate.ShouldHaveNoErrors().At("person.grants.items.0.revokedWithIt.totalCount")!.GetValue<int>().ShouldBe(0);
        var asNational = await GraphQL.PostAsync(query, new { id = w.IdOf(TestWorld.FederationSecretaryA) }, TestWorld.National);
        asNational.At("person.grants.items.0.revokedWithIt.items.0.section.name")!.GetValue<string>().ShouldBe("Beta");
    }
}
