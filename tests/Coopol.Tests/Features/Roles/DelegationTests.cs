using Coopol.Access;
using Coopol.Features.Roles;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Roles;

[Collection(ApiCollection.Name)]
public sealed class DelegationTests(ApiFixture api)
{
    private const string Grant = "mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) { delegation { id permissions isActive grantee { email } grantedBy { email } section { name } expiresAt } errors { __typename code message ... on ValidationError { field } } } }";
    private const string Revoke = "mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { delegation { id isActive revokedAt } errors { code message } } }";
    private const string RevokeRole = "mutation($input: RevokeRoleInput!) { revokeRole(input: $input) { grant { id isActive } errors { code message } } }";
    private const string PeopleOfS1 = "query($s: ID!) { section(id: $s) { people { totalCount } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task DelegateSeesOnlyWhatWasDelegated()
    {
        var w = await TestWorld.CreateAsync(api);
        var granted = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" } } }, TestWorld.SecretaryS1);
        granted.ShouldHaveNoErrors().PayloadErrorCodes("grantDelegation").ShouldBeEmpty();
        granted.At("grantDelegation.delegation.grantedBy.email")!.GetValue<string>().ShouldBe(TestWorld.SecretaryS1);

        var asMember = await GraphQL.PostAsync(PeopleOfS1, new { s = w.S1Id }, TestWorld.MemberS1);
        asMember.At("section.people.totalCount")!.GetValue<int>().ShouldBe(w.People.Values.Count(p => p.SectionId == w.S1.Id));
        // Viewing is not managing: the member still cannot add people or delegate further.
        var add = await GraphQL.PostAsync("mutation($input: AddPersonInput!) { addPerson(input: $input) { errors { code } } }",
            new { input = new { sectionId = w.S1Id, kind = "MEMBER", firstName = "A", lastName = "B", email = "ab@test.coopol.fr" } }, TestWorld.MemberS1);
        add.PayloadErrorCodes("addPerson").ShouldBe(["FORBIDDEN"]);
        var further = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.SupporterS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" } } }, TestWorld.MemberS1);
        further.PayloadErrorCodes("grantDelegation").ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task RefusesADelegationWiderThanTheGrantorsRights()
    {
        var w = await TestWorld.CreateAsync(api);
        // A section secretary does not hold MANAGE_SECTIONS, so cannot hand it on.
        var answer = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE", "MANAGE_SECTIONS" } } }, TestWorld.SecretaryS1);
        answer.PayloadErrorCodes("grantDelegation").ShouldBe(["DELEGATION_EXCEEDS_GRANTOR"]);
        answer.At("grantDelegation.errors.0.message")!.GetValue<string>().ShouldContain("VIEW_PEOPLE");
        // Nor on a section that is not theirs.
        var elsewhere = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S2Id, permissions = new[] { "VIEW_PEOPLE" } } }, TestWorld.SecretaryS1);
        elsewhere.PayloadErrorCodes("grantDelegation").ShouldBe(["FORBIDDEN"]);
        (await api.WithDbAsync(db => db.RoleGrants.CountAsync())).ShouldBe(w.Grants.Count);
    }

    [Fact]
    public async Task RefusesAnEndDateInThePastOrBeyondTheGrantorsOwn()
    {
        var w = await TestWorld.CreateAsync(api);
        var past = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" }, expiresAt = DateTime.UtcNow.AddDays(-1) } }, TestWorld.SecretaryS1);
        past.At("grantDelegation.errors.0.field")!.GetValue<string>().ShouldBe("expiresAt");
        past.PayloadErrorCodes("grantDelegation").ShouldBe(["IN_THE_PAST"]);

        var empty = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = Array.Empty<string>() } }, TestWorld.SecretaryS1);
        empty.At("grantDelegation.errors.0.field")!.GetValue<string>().ShouldBe("permissions");
    }

    [Fact]
    public async Task AnExpiredDelegationGivesNoRightAndCannotBeRevoked()
    {
        var w = await TestWorld.CreateAsync(api);
        await api.WithDbAsync(db => db.RoleGrants.Where(g => g.Id == w.Grants[TestWorld.DelegateS1].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresAt, DateTime.UtcNow.AddMinutes(-5))));

        var people = await GraphQL.PostAsync(PeopleOfS1, new { s = w.S1Id }, TestWorld.DelegateS1);
        people.ErrorCodes.ShouldBe(["FORBIDDEN"]);
        var revoke = await GraphQL.PostAsync(Revoke, new { input = new { delegationId = w.GrantIdOf(TestWorld.DelegateS1) } }, TestWorld.SecretaryS1);
        revoke.PayloadErrorCodes("revokeDelegation").ShouldBe(["DELEGATION_EXPIRED"]);
    }

    [Fact]
    public async Task RevokingARoleRevokesWhatItsHolderDelegatedAndRecordsIt()
    {
        var w = await TestWorld.CreateAsync(api);
        (await GraphQL.PostAsync(PeopleOfS1, new { s = w.S1Id }, TestWorld.DelegateS1)).ShouldHaveNoErrors();

        var revoked = await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = w.GrantIdOf(TestWorld.SecretaryS1) } }, TestWorld.FederationSecretaryA);
        revoked.ShouldHaveNoErrors().PayloadErrorCodes("revokeRole").ShouldBeEmpty();
        revoked.At("revokeRole.grant.isActive")!.GetValue<bool>().ShouldBeFalse();

        (await GraphQL.PostAsync(PeopleOfS1, new { s = w.S1Id }, TestWorld.DelegateS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
        (await GraphQL.PostAsync(PeopleOfS1, new { s = w.S1Id }, TestWorld.SecretaryS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
        var events = await api.WithDbAsync(db => db.RoleGrantEvents.OrderBy(e => e.Id).ToListAsync());
        events.ShouldContain(e => e.GrantId == w.Grants[TestWorld.SecretaryS1].Id && e.Kind == RoleGrantEventKind.Revoked
            && e.ActorId == w.People[TestWorld.FederationSecretaryA].Id);
        events.ShouldContain(e => e.GrantId == w.Grants[TestWorld.DelegateS1].Id && e.Kind == RoleGrantEventKind.RevokedWithParent);

        var again = await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = w.GrantIdOf(TestWorld.SecretaryS1) } }, TestWorld.FederationSecretaryA);
        again.PayloadErrorCodes("revokeRole").ShouldBe(["GRANT_ALREADY_REVOKED"]);
    }

    [Fact]
    public async Task GrantingRecordsWhoGaveWhatToWhomAndWhen()
    {
        var w = await TestWorld.CreateAsync(api);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE", "MANAGE_PEOPLE" } } }, TestWorld.SecretaryS1);
        var e = await api.WithDbAsync(db => db.RoleGrantEvents.SingleAsync());
        e.Kind.ShouldBe(RoleGrantEventKind.Granted);
        e.ActorId.ShouldBe(w.People[TestWorld.SecretaryS1].Id);
        e.GranteeId.ShouldBe(w.People[TestWorld.MemberS1].Id);
        e.Permissions.ShouldBe(Permission.ViewPeople | Permission.ManagePeople);
        e.SectionId.ShouldBe(w.S1.Id);
        e.At.ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task ADenialLooksTheSameAsAnUnknownId()
    {
        var w = await TestWorld.CreateAsync(api);
        var unknownPerson = Coopol.Common.GlobalId.Encode("Person", Guid.NewGuid());
        const string update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } errors { code message } } }";
        var hidden = await GraphQL.PostAsync(update, new { input = new { personId = w.IdOf(TestWorld.PersonS2), firstName = "X" } }, TestWorld.SecretaryS1);
        var missing = await GraphQL.PostAsync(update, new { input = new { personId = unknownPerson, firstName = "X" } }, TestWorld.SecretaryS1);
        hidden.Json.ToJsonString().ShouldBe(missing.Json.ToJsonString());

        var hiddenRead = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } node(id: $id) { id } }", new { id = w.IdOf(TestWorld.PersonS2) }, TestWorld.SecretaryS1);
        var missingRead = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } node(id: $id) { id } }", new { id = unknownPerson }, TestWorld.SecretaryS1);
        hiddenRead.Json.ToJsonString().ShouldBe(missingRead.Json.ToJsonString());

        var otherGrant = Coopol.Common.GlobalId.Encode("RoleGrant", w.Grants[TestWorld.SecretaryS2].Id);
        var hiddenGrant = await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = otherGrant } }, TestWorld.MemberS1);
        var missingGrant = await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = Coopol.Common.GlobalId.Encode("RoleGrant", Guid.NewGuid()) } }, TestWorld.MemberS1);
        hiddenGrant.Json.ToJsonString().ShouldBe(missingGrant.Json.ToJsonString());
    }

    [Fact]
    public async Task NestedPathsNeverShowAPersonTheCallerMayNotSee()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            // A delegation on S1 held by someone of S2: the S1 secretary sees the delegation, not that person.
            world.Grants["s2-holder"] = new RoleGrant
            {
                PersonId = world.People[TestWorld.PersonS2].Id, Role = Role.Delegate, Level = TreeLevel.Section, FederationCode = "29",
                SectionId = world.S1.Id, Permissions = Permission.ViewResults, ParentGrantId = world.Grants[TestWorld.National].Id,
                GrantedById = world.People[TestWorld.National].Id, GrantedAt = DateTime.UtcNow,
            };
        });
        var answer = await GraphQL.PostAsync("query($s: ID) { delegations(filter: { scopeId: $s }) { items { permissions grantee { email } grantedBy { email } } } }",
            new { s = w.S1Id }, TestWorld.SecretaryS1);
        var items = answer.ShouldHaveNoErrors().At("delegations.items")!.AsArray();
        items.Count.ShouldBe(2);
        var foreign = items.Single(i => i!["permissions"]![0]!.GetValue<string>() == "VIEW_RESULTS")!;
        foreign["grantee"].ShouldBeNull();
        foreign["grantedBy"].ShouldBeNull();
    }

    private const string GrantRole = "mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } errors { code ... on ValidationError { field } } } }";

    [Fact]
    public async Task ADelegateNeverAppointsRolesEvenWithManageDelegations()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Grants[TestWorld.DelegateS1] = new RoleGrant
            {
                PersonId = world.People[TestWorld.DelegateS1].Id, Role = Role.Delegate, Level = TreeLevel.Federation, FederationCode = "29",
                Permissions = Permission.ManageDelegations | Permission.ViewPeople, ParentGrantId = world.Grants[TestWorld.FederationSecretaryA].Id,
                GrantedById = world.People[TestWorld.FederationSecretaryA].Id, GrantedAt = DateTime.UtcNow,
            };
        });
        var self = await GraphQL.PostAsync(GrantRole, new { input = new { personId = w.IdOf(TestWorld.DelegateS1), role = "SECTION_SECRETARY", scopeId = w.S1Id } }, TestWorld.DelegateS1);
        self.PayloadErrorCodes("grantRole").ShouldBe(["FORBIDDEN"]);
        var other = await GraphQL.PostAsync(GrantRole, new { input = new { personId = w.IdOf(TestWorld.MemberS1), role = "SECTION_SECRETARY", scopeId = w.S1Id } }, TestWorld.DelegateS1);
        other.PayloadErrorCodes("grantRole").ShouldBe(["FORBIDDEN"]);
        var revoke = await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = w.GrantIdOf(TestWorld.SecretaryS1) } }, TestWorld.DelegateS1);
        revoke.PayloadErrorCodes("revokeRole").ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task NobodyAppointsThemselves()
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync(GrantRole, new { input = new { personId = w.IdOf(TestWorld.FederationSecretaryA), role = "SECTION_SECRETARY", scopeId = w.S2Id } }, TestWorld.FederationSecretaryA);
        answer.At("grantRole.errors.0.field")!.GetValue<string>().ShouldBe("personId");
        answer.PayloadErrorCodes("grantRole").ShouldBe(["CANNOT_APPOINT_SELF"]);
    }

    [Fact]
    public async Task RightsDelegatedWithoutManageDelegationsCannotBeHandedOn()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            // Two delegations to the same person: one to view, one to manage delegations; neither alone allows
            // handing on VIEW_PEOPLE.
            world.Grants["manage"] = new RoleGrant
            {
                PersonId = world.People[TestWorld.DelegateS1].Id, Role = Role.Delegate, Level = TreeLevel.Section, FederationCode = "29",
                SectionId = world.S1.Id, Permissions = Permission.ManageDelegations, ParentGrantId = world.Grants[TestWorld.SecretaryS1].Id,
                GrantedById = world.People[TestWorld.SecretaryS1].Id, GrantedAt = DateTime.UtcNow,
            };
        });
        var answer = await GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" } } }, TestWorld.DelegateS1);
        answer.PayloadErrorCodes("grantDelegation").ShouldBe(["DELEGATION_EXCEEDS_GRANTOR"]);
    }

    [Fact]
    public async Task ADelegationCarvedWhileItsSourceIsBeingRevokedIsRefused()
    {
        var w = await TestWorld.CreateAsync(api);
        var source = w.Grants[TestWorld.SecretaryS1].Id;
        // A revocation in flight: it holds the secretary's grant and has marked it revoked, not yet committed.
        await using var revocation = new Npgsql.NpgsqlConnection(CoopolFactory.ConnectionString);
        await revocation.OpenAsync();
        await using var transaction = await revocation.BeginTransactionAsync();
        await using (var update = new Npgsql.NpgsqlCommand("""UPDATE "RoleGrants" SET "RevokedAt" = now() WHERE "Id" = @id""", revocation, transaction))
        {
            update.Parameters.AddWithValue("id", source);
            await update.ExecuteNonQueryAsync();
        }

        var granting = GraphQL.PostAsync(Grant, new { input = new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" } } }, TestWorld.SecretaryS1);
        await Task.Delay(1000);
        granting.IsCompleted.ShouldBeFalse("the delegation waits for the revocation of its source");
        await transaction.CommitAsync();

        (await granting).PayloadErrorCodes("grantDelegation").ShouldBe(["DELEGATION_EXCEEDS_GRANTOR"]);
        var member = w.People[TestWorld.MemberS1].Id;
        (await api.WithDbAsync(db => db.RoleGrants.CountAsync(g => g.PersonId == member))).ShouldBe(0);
    }
}
