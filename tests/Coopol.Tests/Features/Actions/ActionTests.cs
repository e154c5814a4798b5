using Coopol.Features.Actions;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Actions;

/// <summary>Actions from creation to check-in: rights, bad input, "near me" within each action's visibility, joining with
/// a waiting list, visitors, notices.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActionTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);

    private Task<ActionWorld> ArrangeAsync() => ActionWorld.CreateAsync(api, _graphql);

    [Fact]
    public async Task ASecretaryCreatesAndPublishesAnActionOfTheirSectionOnlyAndADelegateWithoutTheRightCannot()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync();
        var action = (await w.ActionAsync(id, TestWorld.SecretaryS1))!;
        action["status"]!.GetValue<string>().ShouldBe("PUBLISHED");
        action["viewerManages"]!.GetValue<bool>().ShouldBeTrue();
        action["attendance"]!["target"]!.GetValue<int>().ShouldBe(5);

        (await w.CreateRawAsync(ActionWorld.Input(), TestWorld.SecretaryS2)).PayloadErrorCodes("createAction").ShouldBe(["FORBIDDEN"]);
        (await w.CreateRawAsync(ActionWorld.Input(), TestWorld.DelegateS1)).PayloadErrorCodes("createAction").ShouldBe(["FORBIDDEN"]);
        (await w.CreateRawAsync(ActionWorld.Input(), TestWorld.MemberS1)).PayloadErrorCodes("createAction").ShouldBe(["FORBIDDEN"]);
        // The federation above and the national team may.
        await w.CreateAsync(asEmail: TestWorld.FederationSecretaryA);
        await w.CreateAsync(asEmail: TestWorld.National);
    }

    [Fact]
    public async Task BadActionsAreRefusedWithTheFieldAndNothingIsWritten()
    {
        var w = await ArrangeAsync();
        var starts = DateTime.UtcNow.AddDays(2);
        async Task<(string Code, string? Field)> Refusal(object input)
        {
            var answer = (await w.CreateRawAsync(input, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
            var error = answer.At("createAction.errors.0")!;
            return (error["code"]!.GetValue<string>(), error["field"]?.GetValue<string>());
        }
        (await Refusal(ActionWorld.Input(startsAt: starts, duration: TimeSpan.FromHours(-1)))).ShouldBe(("ENDS_BEFORE_START", "action.endsAt"));
        (await Refusal(ActionWorld.Input(target: 20, capacity: 10))).ShouldBe(("TARGET_ABOVE_CAPACITY", "action.attendanceTarget"));
        // Digne-les-Bains is not in federation 29.
        (await Refusal(ActionWorld.Input(lat: 44.0925, lon: 6.2356))).ShouldBe(("MEETING_POINT_OUTSIDE_FEDERATION", "action.meetingPoint"));
        // At sea off Brest: in no commune of the federation.
        (await Refusal(ActionWorld.Input(lat: 48.30, lon: -4.70))).ShouldBe(("MEETING_POINT_OUTSIDE_FEDERATION", "action.meetingPoint"));
        (await Refusal(ActionWorld.Input(lat: 95, lon: 0))).ShouldBe(("OUT_OF_RANGE", "action.meetingPoint.latitude"));
        (await api.WithDbAsync(db => db.Set<FieldAction>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task NearMeByPostcodeShowsEachActionWithinItsVisibilityAndHidesNonPublicMeetingPoints()
    {
        var w = await ArrangeAsync();
        var open = await w.CreateAsync(ActionWorld.Input(title: "Public"));
        var party = await w.CreateAsync(ActionWorld.Input(title: "Party", visibility: "MEMBERS_AND_SUPPORTERS", lat: 48.3905, lon: -4.4870));
        var section = await w.CreateAsync(ActionWorld.Input(title: "Section", visibility: "SECTION"));
        var draft = await w.CreateAsync(ActionWorld.Input(title: "Draft"), publish: false);

        var anonymous = await w.NearbyAsync(new { place = "29200" }, null);
        anonymous.Select(e => e!["node"]!["action"]!["title"]!.GetValue<string>()).ShouldBe(["Public"]);
        anonymous[0]!["node"]!["action"]!["meetingAddress"]!.GetValue<string>().ShouldContain("Liberté");

        var fellowOfS2 = await w.NearbyAsync(new { place = "brest" }, TestWorld.PersonS2);
        fellowOfS2.Select(e => e!["node"]!["action"]!["title"]!.GetValue<string>()).ShouldBe(["Public", "Party"], ignoreOrder: true);
        var partyHit = fellowOfS2.Single(e => e!["node"]!["action"]!["title"]!.GetValue<string>() == "Party")!["node"]!;
        partyHit["action"]!["meetingAddress"].ShouldBeNull();
        partyHit["action"]!["meetingPoint"].ShouldBeNull();
        // The approximate point is on a 0.01° grid: it never locates the meeting.
        partyHit["action"]!["approximatePoint"]!["latitude"]!.GetValue<double>().ShouldBe(48.39, 1e-9);

        var ofS1 = await w.NearbyAsync(new { point = new { latitude = ActionWorld.BrestLat, longitude = ActionWorld.BrestLon } }, TestWorld.MemberS1);
        ofS1.Select(e => e!["node"]!["action"]!["title"]!.GetValue<string>()).ShouldBe(["Public", "Party", "Section"], ignoreOrder: true);
        ofS1.Select(e => e!["node"]!["distanceMeters"]!.GetValue<double>()).ShouldBeInOrder();

        // Hidden actions read as unknown, drafts included.
        (await w.ActionAsync(section, TestWorld.PersonS2)).ShouldBeNull();
        (await w.ActionAsync(draft, TestWorld.MemberS1)).ShouldBeNull();
        (await w.ActionAsync(party, null)).ShouldBeNull();
        (await w.ActionAsync(open, null))!["title"]!.GetValue<string>().ShouldBe("Public");
        // Far away (Quimper): nothing within 10 km.
        (await w.NearbyAsync(new { place = "Quimper" }, TestWorld.MemberS1)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownPlacesAndBadSearchesAreClearErrors()
    {
        var w = await ArrangeAsync();
        async Task<string> Code(object near, double radius = 10) =>
            (await _graphql.PostAsync("query($n: NearInput!, $r: Float) { nearbyActions(near: $n, radiusKm: $r) { place { label } } }",
                new { n = near, r = radius })).ErrorCodes.Single();
        (await Code(new { place = "Nowhere-sur-Mer" })).ShouldBe("PLACE_NOT_FOUND");
        // Paris has no boundary here: the visitor is asked for their location rather than shown wrong distances.
        (await Code(new { place = "75011" })).ShouldBe("PLACE_WITHOUT_MAP");
        (await Code(new { place = "29200" }, radius: 1000)).ShouldBe("VALIDATION_FAILED");
        (await Code(new { })).ShouldBe("VALIDATION_FAILED");
    }

    [Fact]
    public async Task AFullActionPutsJoinersOnTheWaitingListAndALeaverHandsTheirPlaceToTheFirstInLine()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync(ActionWorld.Input(target: 1, capacity: 1));
        (await w.JoinAsync(id, TestWorld.MemberS1)).At("joinAction.action.viewerParticipation")!.GetValue<string>().ShouldBe("CONFIRMED");
        (await w.JoinAsync(id, TestWorld.OtherS1)).At("joinAction.action.viewerParticipation")!.GetValue<string>().ShouldBe("WAITING");
        (await w.JoinAsync(id, TestWorld.PersonS2, waitIfFull: false)).PayloadErrorCodes("joinAction").ShouldBe(["ACTION_FULL"]);
        // Joining twice changes nothing.
        (await w.JoinAsync(id, TestWorld.MemberS1)).At("joinAction.action.attendance.confirmed")!.GetValue<int>().ShouldBe(1);

        var left = (await _graphql.PostAsync($"mutation($id: ID!) {{ leaveAction(actionId: $id) {{ action {{ {ActionWorld.ActionFields} }} }} }}",
            new { id }, TestWorld.MemberS1)).ShouldHaveNoErrors();
        left.At("leaveAction.action.viewerParticipation").ShouldBeNull();
        (await w.ActionAsync(id, TestWorld.OtherS1))!["viewerParticipation"]!.GetValue<string>().ShouldBe("CONFIRMED");
        var notices = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(n => n.ActionId != null).ToListAsync());
        notices.ShouldHaveSingleItem().Kind.ShouldBe(nameof(NoticeKind.PlaceFreed));
        notices[0].PersonId.ShouldBe(w.World.People[TestWorld.OtherS1].Id);
    }

    [Fact]
    public async Task CancelledAndDraftActionsCannotBeJoinedAndParticipantsAreToldOfACancellation()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync();
        await w.JoinAsync(id, TestWorld.MemberS1);
        await w.JoinAsVisitorAsync(id, "visitor@example.org");
        var cancel = (await _graphql.PostAsync("mutation($i: CancelActionInput!) { cancelAction(input: $i) { action { status } errors { code } } }",
            new { i = new { actionId = id, reason = "Pluie" } }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        cancel.At("cancelAction.action.status")!.GetValue<string>().ShouldBe("CANCELLED");
        (await w.JoinAsync(id, TestWorld.OtherS1)).PayloadErrorCodes("joinAction").ShouldBe(["ACTION_CANCELLED"]);
        (await w.JoinAsVisitorAsync(id, "late@example.org")).PayloadErrorCodes("joinActionAsVisitor").ShouldBe(["ACTION_CANCELLED"]);
        var notices = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(n => n.Kind == nameof(NoticeKind.Cancelled)).ToListAsync());
        notices.Count.ShouldBe(2);
        // The member never agreed to hear about actions: their notice is held, the visitor's is queued.
        notices.Count(n => n.Status == OutboxStatus.Queued).ShouldBe(1);

        var draft = await w.CreateAsync(publish: false);
        (await w.JoinAsync(draft, TestWorld.SecretaryS1)).PayloadErrorCodes("joinAction").ShouldBe(["ACTION_NOT_PUBLISHED"]);
    }

    [Fact]
    public async Task AVisitorsRequestAnswersTheSameForAnyContactAndCreatesNothingUntilTheyConfirm()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync(ActionWorld.Input(capacity: 3, target: 2));
        await w.JoinAsVisitorAsync(id, "already@example.org");
        var peopleBefore = await api.WithDbAsync(db => db.People.CountAsync());
        var invitationsBefore = await api.WithDbAsync(db => db.Set<SectionInvitation>().CountAsync());

        // Unknown, a member of another section, and someone already signed up: the same answer, field for field.
        var unknown = await w.RequestVisitorAsync(id, "new.person@example.org");
        var member = await w.RequestVisitorAsync(id, TestWorld.PersonS2);
        var already = await w.RequestVisitorAsync(id, "already@example.org");
        var shapes = new[] { unknown, member, already }.Select(a => a.At("joinActionAsVisitor")!.ToJsonString()).Distinct().ToList();
        shapes.ShouldHaveSingleItem();
        unknown.At("joinActionAsVisitor.joined.status").ShouldBeNull();
        unknown.At("joinActionAsVisitor.joined.confirmationSentTo")!.GetValue<string>().ShouldBe("EMAIL");
        unknown.At("joinActionAsVisitor.joined.action.attendance.confirmed")!.GetValue<int>().ShouldBe(1);
        // Nobody created, nobody asked, nobody counted, until the owner of the address follows the link.
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(peopleBefore);
        (await api.WithDbAsync(db => db.Set<SectionInvitation>().CountAsync())).ShouldBe(invitationsBefore);
        // A place that does not exist fails the same way for everyone.
        var badPlace = await w.RequestVisitorAsync(id, "already@example.org", near: new { place = "Nowhere-sur-Mer" });
        badPlace.PayloadErrorCodes("joinActionAsVisitor").ShouldBe(["PLACE_NOT_FOUND"]);

        var link = (await w.TokenSentToAsync("new.person@example.org"))!;
        var confirmed = await w.ConfirmAsync(link);
        confirmed.At("confirmVisitorSignup.joined.status")!.GetValue<string>().ShouldBe("CONFIRMED");
        confirmed.At("confirmVisitorSignup.joined.action.attendance.confirmed")!.GetValue<int>().ShouldBe(2);
        var visitor = await api.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "new.person@example.org"));
        visitor.Kind.ShouldBe(PersonKind.Supporter);
        visitor.SectionId.ShouldBe(w.World.S1.Id); // Brest is S1's territory
        var consent = await api.WithDbAsync(db => db.Set<ConsentRecord>().SingleAsync(c => c.PersonId == visitor.Id));
        (consent.Method, consent.RecordedById, consent.Purpose, consent.Channel).ShouldBe((ConsentMethod.WebForm, visitor.Id, ConsentPurpose.Actions, ConsentChannel.Email));
        // A link works once.
        (await w.ConfirmAsync(link)).PayloadErrorCodes("confirmVisitorSignup").ShouldBe(["INVALID_TOKEN"]);
        (await w.ConfirmAsync("forged")).PayloadErrorCodes("confirmVisitorSignup").ShouldBe(["INVALID_TOKEN"]);

        // The member of another section followed their link: their own section's record is linked to them, and they are asked.
        await w.ConfirmAsync((await w.TokenSentToAsync(TestWorld.PersonS2))!);
        var record = await api.WithDbAsync(db => db.People.SingleAsync(p => p.Email == TestWorld.PersonS2 && p.LinkedToId != null));
        record.LinkedToId.ShouldBe(w.World.People[TestWorld.PersonS2].Id);
        // Someone already signed up who follows a new link keeps their one place.
        (await w.ConfirmAsync((await w.TokenSentToAsync("already@example.org"))!)).At("confirmVisitorSignup.joined.action.attendance.confirmed")!
            .GetValue<int>().ShouldBe(3);

        (await w.RequestVisitorAsync(id, "x@example.org", consentEmail: false)).PayloadErrorCodes("joinActionAsVisitor").ShouldBe(["CONSENT_REQUIRED"]);
        (await w.RequestVisitorAsync(id, null, phone: "12", consentSms: true)).PayloadErrorCodes("joinActionAsVisitor").ShouldBe(["INVALID_PHONE"]);
        var byPhone = await w.RequestVisitorAsync(id, null, phone: "06 11 22 33 44", consentSms: true);
        byPhone.At("joinActionAsVisitor.joined.confirmationSentTo")!.GetValue<string>().ShouldBe("SMS");
    }

    [Fact]
    public async Task AContactFloodedWithRequestsGetsAFewAndAClientAddressIsSlowedDown()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync();
        for (var i = 0; i < 5; i++) (await w.RequestVisitorAsync(id, "victim@example.org")).PayloadErrorCodes("joinActionAsVisitor").ShouldBeEmpty();
        // Only three links went to the victim's inbox within the hour; the others were written, held, without a link, and the
        // answer never said which were dropped.
        var outbox = (await _graphql.PostAsync("{ actionOutbox(first: 200) { recipient status body } }", asEmail: TestWorld.National)).ShouldHaveNoErrors();
        var toVictim = outbox.At("actionOutbox")!.AsArray().Where(n => n!["recipient"]!.GetValue<string>() == "victim@example.org").ToList();
        toVictim.Count(n => n!["status"]!.GetValue<string>() == "QUEUED" && n["body"] != null).ShouldBe(VisitorLimits.PerContactPerHour);
        toVictim.Count(n => n!["status"]!.GetValue<string>() == "HELD" && n["body"] == null).ShouldBe(2);
        var codes = new List<string>();
        for (var i = 0; i < VisitorLimits.PerAddress + 2; i++) codes.AddRange((await w.RequestVisitorAsync(id, $"v{i}@example.org")).PayloadErrorCodes("joinActionAsVisitor"));
        codes.ShouldContain("RATE_LIMITED");
        (await _graphql.PostAsync("{ actionOutbox { recipient } }", asEmail: TestWorld.SecretaryS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task OnlyThoseWhoRunAnActionSeeWhoTakesPartAndCheckThemIn()
    {
        var w = await ArrangeAsync();
        var starts = DateTime.UtcNow.AddHours(1);
        var id = await w.CreateAsync(ActionWorld.Input(startsAt: starts, target: 2));
        await w.JoinAsync(id, TestWorld.MemberS1);
        await w.JoinAsVisitorAsync(id, "visitor@example.org");
        const string query = "query($id: ID!) { action(id: $id) { participants { edges { node { id displayName email status } } } } }";
        var anonymous = await _graphql.PostAsync(query, new { id });
        anonymous.ErrorCodes.ShouldBe(["FORBIDDEN"]);
        (await _graphql.PostAsync(query, new { id }, TestWorld.MemberS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
        var secretary = (await _graphql.PostAsync(query, new { id }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        var participants = secretary.At("action.participants.edges")!.AsArray();
        participants.Count.ShouldBe(2);
        participants.Select(p => p!["node"]!["email"]!.GetValue<string>()).ShouldContain("visitor@example.org");

        var participantId = participants[0]!["node"]!["id"]!.GetValue<string>();
        var checkIn = (await _graphql.PostAsync("mutation($i: CheckInInput!) { checkInParticipant(input: $i) { participant { checkedInAt } errors { code } } }",
            new { i = new { actionId = id, participantId } }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        checkIn.At("checkInParticipant.participant.checkedInAt").ShouldNotBeNull();
        (await w.ActionAsync(id, TestWorld.SecretaryS1))!["attendance"]!["checkedIn"]!.GetValue<int>().ShouldBe(1);
        var byMember = await _graphql.PostAsync("mutation($i: CheckInInput!) { checkInParticipant(input: $i) { errors { code } } }",
            new { i = new { actionId = id, participantId } }, TestWorld.MemberS1);
        byMember.PayloadErrorCodes("checkInParticipant").ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task ElectoralSilenceStopsPublishingAndHoldsRemindersWhichAreWrittenOncePerPerson()
    {
        var w = await ArrangeAsync();
        var soon = await w.CreateAsync(ActionWorld.Input(startsAt: DateTime.UtcNow.AddHours(5)));
        await w.JoinAsVisitorAsync(soon, "visitor@example.org");
        var later = await w.CreateAsync(ActionWorld.Input(startsAt: DateTime.UtcNow.AddDays(5)), publish: false);

        using (var scope = api.Factory.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ActionRemindersJob>();
            (await job.RunAsync(CancellationToken.None)).ShouldBe(1);
            (await job.RunAsync(CancellationToken.None)).ShouldBe(0);
        }
        (await api.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(n => n.Kind == nameof(NoticeKind.Reminder)))).Status.ShouldBe(OutboxStatus.Queued);

        // A rescheduled action is reminded again.
        const string update = "mutation($i: UpdateActionInput!) { updateAction(input: $i) { errors { code } } }";
        (await _graphql.PostAsync(update, new { i = new { actionId = soon, action = ActionWorld.Input(startsAt: DateTime.UtcNow.AddHours(7)) } },
            TestWorld.SecretaryS1)).PayloadErrorCodes("updateAction").ShouldBeEmpty();

        var set = (await _graphql.PostAsync("mutation($i: SetElectoralSilenceInput!) { setElectoralSilence(input: $i) { silence { name startsAt endsAt } errors { code } } }",
            new { i = new { scope = "29", name = "Test", startsAt = DateTime.UtcNow.AddHours(-1).ToString("O"), endsAt = DateTime.UtcNow.AddHours(10).ToString("O") } },
            TestWorld.National)).ShouldHaveNoErrors();
        set.PayloadErrorCodes("setElectoralSilence").ShouldBeEmpty();
        (await _graphql.PostAsync("mutation($i: SetElectoralSilenceInput!) { setElectoralSilence(input: $i) { errors { code } } }",
            new { i = new { scope = "29", voteDate = "2027-06-13" } }, TestWorld.SecretaryS1)).PayloadErrorCodes("setElectoralSilence").ShouldBe(["FORBIDDEN"]);

        var publish = await _graphql.PostAsync("mutation($id: ID!) { publishAction(actionId: $id) { errors { code } } }", new { id = later }, TestWorld.SecretaryS1);
        publish.PayloadErrorCodes("publishAction").ShouldBe(["ELECTORAL_SILENCE"]);
        // Nor is a published action changed during the silence (made public, moved...).
        (await _graphql.PostAsync(update, new { i = new { actionId = soon, action = ActionWorld.Input(startsAt: DateTime.UtcNow.AddHours(8)) } },
            TestWorld.SecretaryS1)).PayloadErrorCodes("updateAction").ShouldBe(["ELECTORAL_SILENCE"]);

        // The reminder of the rescheduled action is written, and held.
        using (var scope = api.Factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<ActionRemindersJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        var held = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(n => n.Kind == nameof(NoticeKind.Reminder)).OrderBy(n => n.Id).ToListAsync());
        held.Count.ShouldBe(2);
        held[1].Status.ShouldBe(OutboxStatus.Held);
        held[1].Note!.ShouldContain("Electoral silence");
    }

    [Fact]
    public async Task DuplicateMakesADraftCopyWithoutParticipants()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync();
        await w.JoinAsync(id, TestWorld.MemberS1);
        var copy = (await _graphql.PostAsync($"mutation($i: DuplicateActionInput!) {{ duplicateAction(input: $i) {{ action {{ {ActionWorld.ActionFields} }} errors {{ code }} }} }}",
            new { i = new { actionId = id, startsAt = DateTime.UtcNow.AddDays(10).ToString("O") } }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        copy.At("duplicateAction.action.status")!.GetValue<string>().ShouldBe("DRAFT");
        copy.At("duplicateAction.action.attendance.confirmed")!.GetValue<int>().ShouldBe(0);
        copy.At("duplicateAction.action.title")!.GetValue<string>().ShouldBe("Porte-à-porte Siam");
        (await _graphql.PostAsync("mutation($i: DuplicateActionInput!) { duplicateAction(input: $i) { errors { code } } }",
            new { i = new { actionId = id, startsAt = DateTime.UtcNow.AddDays(10).ToString("O") } }, TestWorld.SecretaryS2))
            .PayloadErrorCodes("duplicateAction").ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task NearMePagesThroughActionsAtTheSamePlaceWithoutLosingOrRepeatingAny()
    {
        var w = await ArrangeAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add(await w.CreateAsync(ActionWorld.Input(title: $"Hebdo {i}", startsAt: DateTime.UtcNow.Date.AddDays(2 + i).AddHours(9))));
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await _graphql.PostAsync("query($a: String) { nearbyActions(near: { place: \"29200\" }, first: 2, after: $a) { actions { pageInfo { hasNextPage endCursor } edges { node { action { title } } } } } }",
                new { a = after })).ShouldHaveNoErrors();
            seen.AddRange(page.At("nearbyActions.actions.edges")!.AsArray().Select(e => e!["node"]!["action"]!["title"]!.GetValue<string>()));
            after = page.At("nearbyActions.actions.pageInfo.hasNextPage")!.GetValue<bool>() ? page.At("nearbyActions.actions.pageInfo.endCursor")!.GetValue<string>() : null;
        } while (after is not null && seen.Count < 10);
        // Same place: by date.
        seen.ShouldBe(["Hebdo 0", "Hebdo 1", "Hebdo 2", "Hebdo 3", "Hebdo 4"]);
    }

    [Fact]
    public async Task AnEditKeepsTheTurfOrganizersAndQuestionsItLeavesOutAndEndedActionsAreClosed()
    {
        var w = await ArrangeAsync();
        var id = await w.CreateAsync(new
        {
            kind = "DOOR_TO_DOOR", title = "Avec turf", startsAt = DateTime.UtcNow.AddDays(2).ToString("O"), endsAt = DateTime.UtcNow.AddDays(2).AddHours(2).ToString("O"),
            meetingAddress = "Place de la Liberté", meetingPoint = new { latitude = ActionWorld.BrestLat, longitude = ActionWorld.BrestLon },
            attendanceTarget = 3, visibility = "PUBLIC", organizerIds = new[] { w.World.IdOf(TestWorld.MemberS1) }, campaign = "2027",
            questions = new[] { new { label = "Votera ?", kind = "YES_NO" } },
        });
        var edit = ActionWorld.Input(title: "Renommée");
        (await _graphql.PostAsync("mutation($i: UpdateActionInput!) { updateAction(input: $i) { errors { code } } }",
            new { i = new { actionId = id, action = edit } }, TestWorld.SecretaryS1)).PayloadErrorCodes("updateAction").ShouldBeEmpty();
        var after = (await _graphql.PostAsync("query($id: ID!) { action(id: $id) { title campaign questions { id label } organizers { displayName } } }",
            new { id }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        after.At("action.title")!.GetValue<string>().ShouldBe("Renommée");
        after.At("action.campaign")!.GetValue<string>().ShouldBe("2027");
        after.At("action.questions.0.id")!.GetValue<string>().ShouldBe("q1");
        after.At("action.organizers.0.displayName")!.GetValue<string>().ShouldBe("Marie Membre");
        // The organizer named sees the participants; the organizers are not shown to others.
        (await _graphql.PostAsync("query($id: ID!) { action(id: $id) { viewerOrganizes organizers { displayName } } }", new { id }, TestWorld.MemberS1))
            .ShouldHaveNoErrors().At("action.viewerOrganizes")!.GetValue<bool>().ShouldBeTrue();
        (await _graphql.PostAsync("query($id: ID!) { action(id: $id) { organizers { displayName } } }", new { id }))
            .ShouldHaveNoErrors().At("action.organizers").ShouldBeNull();

        await api.WithDbAsync(db => db.Set<FieldAction>().Where(a => a.Title == "Renommée")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StartsAt, DateTime.UtcNow.AddDays(-3)).SetProperty(a => a.EndsAt, DateTime.UtcNow.AddDays(-2))));
        using (var scope = api.Factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<CloseEndedActionsJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        (await api.WithDbAsync(db => db.Set<FieldAction>().SingleAsync())).Status.ShouldBe(ActionStatus.Done);
    }
}
