using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Accounts;

/// <summary>An account is bound to a person once, by verified email; changing emails never moves rights.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountBindingTests(ApiFixture api)
{
    private const string Update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { email } errors { code ... on ValidationError { field } } } }";
    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task ChangingAnEmailNeverMovesAnAccountOrItsRights()
    {
        var w = await TestWorld.CreateAsync(api);
        // The member signs in once: their account is now bound to them, and their email is theirs to change (with
        // their account), not a manager's.
        (await GraphQL.PostAsync("{ me { person { email } } }", asEmail: TestWorld.MemberS1)).At("me.person.email")!.GetValue<string>().ShouldBe(TestWorld.MemberS1);
        var bound = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.MemberS1), email = "marie.new@test.coopol.fr" } }, TestWorld.SecretaryS1);
        bound.PayloadErrorCodes("updatePerson").ShouldBe(["EMAIL_BOUND_TO_ACCOUNT"]);

        // Someone who never signed in is re-addressed by their manager: the old address then reaches nobody, the new one
        // binds at its first sign-in.
        var changed = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.OtherS1), email = "pierre.new@test.coopol.fr" } }, TestWorld.SecretaryS1);
        changed.At("updatePerson.person.email")!.GetValue<string>().ShouldBe("pierre.new@test.coopol.fr");
        (await GraphQL.PostAsync("{ me { email person { email } } }", asEmail: TestWorld.OtherS1)).At("me.person").ShouldBeNull();
        (await GraphQL.PostAsync("{ me { person { email } } }", asEmail: "pierre.new@test.coopol.fr")).At("me.person.email")!.GetValue<string>().ShouldBe("pierre.new@test.coopol.fr");

        // The member's account still reaches her, whatever address signs in next.
        (await GraphQL.PostAsync("{ me { person { email } } }", asEmail: TestWorld.MemberS1)).At("me.person.email")!.GetValue<string>().ShouldBe(TestWorld.MemberS1);
    }

    [Fact]
    public async Task ASectionSecretaryCannotRedirectTheSignInOfSomeoneWhoHoldsRights()
    {
        var w = await TestWorld.CreateAsync(api);
        // The federation secretary belongs to S1, whose secretary manages its people — but did not appoint them.
        var answer = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.FederationSecretaryA), email = "mine@test.coopol.fr" } }, TestWorld.SecretaryS1);
        answer.PayloadErrorCodes("updatePerson").ShouldBe(["FORBIDDEN"]);
        var byNational = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.FederationSecretaryA), email = "fabien@test.coopol.fr" } }, TestWorld.National);
        byNational.PayloadErrorCodes("updatePerson").ShouldBeEmpty();
    }

    [Fact]
    public async Task APersonCannotProbeAddressesByChangingTheirOwnEmail()
    {
        var w = await TestWorld.CreateAsync(api);
        var taken = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.SupporterS1), email = TestWorld.PersonS3 } }, TestWorld.SupporterS1);
        var free = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.SupporterS1), email = "free@test.coopol.fr" } }, TestWorld.SupporterS1);
        taken.PayloadErrorCodes("updatePerson").ShouldBe(["EMAIL_CHANGE_NEEDS_MANAGER"]);
        free.Json.ToJsonString().ShouldBe(taken.Json.ToJsonString());
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == TestWorld.SupporterS1))).ShouldBe(1);
    }
}
