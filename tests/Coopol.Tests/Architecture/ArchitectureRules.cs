using System.Reflection;
using Coopol.Common;
using GraphQL.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Architecture;

/// <summary>The nevers of the codebase, each a function from the code to its violations (empty when it holds).</summary>
public static class ArchitectureRules
{
    /// <summary>Where each table of personal data may be read, and why. Writes (Add, ExecuteUpdate, ExecuteDelete...)
    /// may happen anywhere; a read anywhere else is a violation.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ScopedPaths = new Dictionary<string, string[]>
    {
        ["Coopol.Features.People.Person"] =
        [
            "Coopol.Features.People.PeopleAccess", // the scoped path
            "Coopol.Features.Accounts.AccountDirectory", // sign-in binding: finds the caller before any right exists
            "Coopol.Api.Auth.LocalSignInEndpoints", // development sign-in: lists the demo accounts' names
            "Coopol.Features.Membership.MembershipImporter", // the people of the scope it imports, for whoever manages them there
            "Coopol.Features.People.PeoplePersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.People.AccessLogEntry"] = ["Coopol.Features.People.PeopleAccess", "Coopol.Features.People.PeoplePersonalData"],
        ["Coopol.Features.People.ConsentRecord"] =
        [
            "Coopol.Features.People.ConsentService", // for people read through PeopleAccess
            "Coopol.Features.Membership.MembershipImporter", // the latest consents of the scope it imports
            "Coopol.Features.People.PeoplePersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.People.SectionInvitation"] = ["Coopol.Features.People.PersonService", "Coopol.Features.People.PeoplePersonalData"], // the invitee's own
        ["Coopol.Features.People.PeopleExport"] = ["Coopol.Features.People.PeopleExportService", "Coopol.Features.People.PeoplePersonalData"], // its requester's own
        ["Coopol.Features.Imports.ImportReport"] = ["Coopol.Features.Imports.ImportService", "Coopol.Features.Imports.ImportsPersonalData"], // national importers' reports
        ["Coopol.Features.Imports.ImportUpload"] =
        [
            "Coopol.Features.Imports.ImportUploads", "Coopol.Features.Imports.ImportJob", // written by the uploader, read once by its job
            "Coopol.Features.Membership.MembershipImportService", "Coopol.Features.Membership.MembershipImportJob", // the uploader's own membership file
            "Coopol.Features.Imports.ImportsPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.JobRuns.JobRun"] =
        [
            "Coopol.Features.JobRuns.JobRunService", "Coopol.Features.JobRuns.JobRunner", // the starter's own; the run being executed
            "Coopol.Features.Messaging.SendMessageJob", // how the run it just executed ended, written onto its message
            "Coopol.Features.JobRuns.JobRunsPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Access.RoleGrant"] =
        [
            "Coopol.Access.CallerContext", // the caller's own grants
            "Coopol.Features.Roles.RoleService", // grants visible to the caller
            "Coopol.Features.Roles.RecordExpiredGrantsJob", // system job: writes expiries into the audit trail
            "Coopol.Features.Membership.MembershipImporter", // the secretaries of the scope it imports, to grant and withdraw
            "Coopol.Features.Roles.RolesPersonalData", // the rights of the person: their download and erasure
            "Coopol.Features.Privacy.PersonalDataService", // whether a person an organizer would erase holds roles
        ],
        ["Coopol.Features.Actions.FieldAction"] =
        [
            "Coopol.Features.Actions.ActionAccess", // the scoped path: visibility and drafts
            "Coopol.Features.Actions.ActionParticipation", // locks an action the caller was shown, to take a place
            "Coopol.Features.Actions.NearbyActions", // loads the actions its visibility-filtered query found
            "Coopol.Features.Actions.ActionRemindersJob", // system job: reminders of published actions
            "Coopol.Features.Actions.CloseEndedActionsJob", // system job: ended actions become done (a write)
            "Coopol.Features.Messaging.OutboxDispatcher", // a reminder leaves only if its action still runs
            "Coopol.Features.Actions.ActionsPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Actions.ActionParticipant"] =
        [
            "Coopol.Features.Messaging.SegmentQuery", // who took part in an action of the sender's node, as a segment's filter
            "Coopol.Features.Messaging.OutboxDispatcher", // a reminder leaves only if its person still holds their place
            "Coopol.Features.Actions.ActionAccess", // the caller's own participations
            "Coopol.Features.Actions.ActionParticipation", // counts for all, names for those who run the action
            "Coopol.Features.Actions.ActionService", // the caller's own actions; a capacity not below who already joined
            "Coopol.Features.Actions.ActionNotices", // whom to tell about an action
            "Coopol.Features.Actions.ActionsMergeStep", // two records of one person becoming one
            "Coopol.Features.Actions.ActionsPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Canvassing.TurfShare"] =
        [
            "Coopol.Features.Canvassing.CanvassService", // its holder's own, all for those who run the action
            "Coopol.Features.Canvassing.DoorReportService", // the share a report comes from
            "Coopol.Features.Canvassing.CanvassingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Canvassing.DoorReport"] =
        [
            "Coopol.Features.Canvassing.CanvassService", // outcomes of a share's doors, for its holder and those who run the action
            "Coopol.Features.Canvassing.DoorReportService", // resends of the reporter's own reports
            "Coopol.Features.Canvassing.CanvassingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Actions.VisitorSignup"] =
        [
            "Coopol.Features.Actions.ActionParticipation", // found by its token, or counted per contact
            "Coopol.Features.Actions.PurgeVisitorSignupsJob", // system job: unconfirmed sign-ups deleted after expiry
            "Coopol.Features.Actions.ActionsPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Messaging.Segment"] =
        [
            "Coopol.Features.Messaging.SegmentService", // those who send from its node
            "Coopol.Features.Messaging.MessagingMergeStep", // static lists naming a record merged into another
            "Coopol.Features.Messaging.MessagingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Messaging.Message"] =
        [
            "Coopol.Features.Messaging.MessageService", // those who send from its node
            "Coopol.Features.Messaging.SendMessageJob", // the message it sends, as its author
            "Coopol.Features.Messaging.ResumeMessagesJob", // system job: sends cut short, resumed as their author
            "Coopol.Features.Messaging.MessagingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Messaging.OutboxMessage"] =
        [
            "Coopol.Features.Messaging.OutboxService", // the rows of a message, for its senders (addresses masked but for whom they see)
            "Coopol.Features.Messaging.OutboxDispatcher", // the rows it sends
            "Coopol.Features.Messaging.ResumeMessagesJob", // system job: which sends were cut short
            "Coopol.Features.Messaging.TwilioWebhooks", // Twilio's signed callbacks: a status by SID, a STOP by number
            "Coopol.Features.Messaging.Unsubscribe", // the row a signed unsubscribe link names
            "Coopol.Features.Messaging.MessagingMergeStep", // rows of a record merged into another
            "Coopol.Features.Messaging.MessageService", // the caller's own test sends of the day, counted
            "Coopol.Features.Actions.ActionNotices", // an action's notices, for those who run it; the national outbox outside production
            "Coopol.Features.Actions.PurgeVisitorSignupsJob", // system job: the notices of sign-ups never confirmed
            "Coopol.Features.Messaging.MessagingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Messaging.UnusableContact"] =
        [
            "Coopol.Features.Messaging.OutboxDispatcher", "Coopol.Features.Messaging.SendMessageJob", // addresses not to try again
            "Coopol.Features.Messaging.TwilioWebhooks", // a START lifts the suppression its STOP set
            "Coopol.Features.Messaging.MessagingPersonalData", // the rights of the person: their download and erasure
        ],
        ["Coopol.Features.Privacy.ErasureRecord"] = ["Coopol.Features.Privacy.PrivacyPersonalData"], // the erasures an organizer ran, in their download
        // Keyed hashes of erased people's identifiers: checked by imports (which cannot read them back).
        ["Coopol.Features.Privacy.ErasedIdentifier"] = ["Coopol.Features.Privacy.ErasedIdentifiers", "Coopol.Features.Membership.MembershipImporter"],
        ["Coopol.Features.Roles.RoleGrantEvent"] = ["Coopol.Features.Roles.RoleService", "Coopol.Features.Roles.RecordExpiredGrantsJob", "Coopol.Features.Roles.RolesPersonalData"],
        // A membership import reads the people, memberships, secretaries and consents of the scope it imports, for whoever
        // manages the people there (or the command line); reports are read by those too.
        ["Coopol.Features.Membership.Membership"] = ["Coopol.Features.Membership.MembershipImporter", "Coopol.Features.Membership.MembershipPersonalData"],
        ["Coopol.Features.Membership.MembershipMapping"] = ["Coopol.Features.Membership.MembershipImporter", "Coopol.Features.Membership.MembershipImportService"],
        ["Coopol.Features.Membership.MembershipImport"] =
        [
            "Coopol.Features.Membership.MembershipImporter", "Coopol.Features.Membership.MembershipImportService",
            "Coopol.Features.Membership.MembershipPersonalData", // the rights of the person: their download and erasure
            "Coopol.Features.Privacy.RetentionService", // reports past their time are deleted (counted first in a dry run)
        ],
    };

    /// <summary>Tables of public data (the party tree is published on the party's website).</summary>
    public static readonly string[] PublicTables =
    [
        "Coopol.Features.PartyTree.Federation", "Coopol.Features.PartyTree.Section",
        // Official geography, published results (candidates are public by law) and INSEE aggregates: open data.
        "Coopol.Features.Geography.Commune", "Coopol.Features.Geography.IrisZone", "Coopol.Features.Geography.PollingStation",
        "Coopol.Features.Geography.SectionArea", "Coopol.Features.Geography.SectionStation",
        "Coopol.Features.Geography.Indicator", "Coopol.Features.Geography.IndicatorValue",
        "Coopol.Features.Elections.Election", "Coopol.Features.Elections.Candidate", "Coopol.Features.Elections.StationResult",
        "Coopol.Features.Elections.CandidateVote", "Coopol.Features.Elections.BlocScheme", "Coopol.Features.Elections.NuanceBloc",
        "Coopol.Features.Elections.ColumnMapping",
        // Electoral silence periods apply the law: public.
        "Coopol.Features.Elections.SilencePeriod",
        // A section's newsletter sender name and footer are printed on every newsletter; a server key is no one's data.
        "Coopol.Features.Messaging.SectionMailTemplate", "Coopol.Features.Messaging.ServerKey",
        // The national address base (BAN/BAL, open data), its buildings and their door counts: places, never people.
        "Coopol.Features.Addresses.Address", "Coopol.Features.Addresses.Building", "Coopol.Features.Addresses.Door",
        // What a retention run purged: counts only, never who.
        "Coopol.Features.Privacy.RetentionRun",
        // Which buildings a section's canvass has done: places, never people.
        "Coopol.Features.Canvassing.CanvassedBuilding",
    ];

    /// <summary>Folders below the features: they name no feature.</summary>
    public static readonly string[] FeatureFreeFolders = ["Common", "Access", "Geo"];

    private static readonly HashSet<string> WriteMethods =
    [
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Remove", "RemoveRange", "Update", "UpdateRange", "Attach",
        "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteUpdate", "ExecuteUpdateAsync",
    ];

    /// <summary>Reads of a personal-data table (db.People, db.Set&lt;Person&gt;()) outside its scoped path.</summary>
    public static IEnumerable<string> UnscopedPersonalDataReads(SourceModel model)
    {
        foreach (var (compilation, tree) in model.OwnTrees)
        {
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (MemberAccessExpressionSyntax or InvocationExpressionSyntax or IdentifierNameSyntax)) continue;
                if (node is IdentifierNameSyntax && node.Parent is MemberAccessExpressionSyntax m && m.Name == node) continue;
                if (node is MemberAccessExpressionSyntax && node.Parent is InvocationExpressionSyntax inv && inv.Expression == node) continue;
                var table = TableOf(semantic.GetSymbolInfo(node).Symbol);
                if (table is null) continue;
                if (IsWrite(node)) continue;
                var type = semantic.GetEnclosingSymbol(node.SpanStart)?.ContainingType;
                while (type?.ContainingType is not null) type = type.ContainingType;
                var typeName = type?.ToDisplayString() ?? "?";
                // The context declares its tables (People => Set<Person>()): that is not a read.
                if (typeName == "Coopol.Data.CoopolDbContext") continue;
                if (ScopedPaths.TryGetValue(table, out var allowed) && allowed.Contains(typeName)) continue;
                var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                yield return $"{Path.GetRelativePath(SourceModel.RepoRoot, tree.FilePath)}:{line}: {typeName} reads {table.Split('.')[^1]} outside its scoped path";
            }
        }
    }

    /// <summary>The entity of a DbSet property of the context or of a Set&lt;T&gt;() call, when it is marked personal data.</summary>
    private static string? TableOf(ISymbol? symbol)
    {
        var entity = symbol switch
        {
            IPropertySymbol { Type: INamedTypeSymbol { Name: "DbSet", TypeArguments.Length: 1 } set } => set.TypeArguments[0],
            IMethodSymbol { Name: "Set", TypeArguments.Length: 1, ReturnType: INamedTypeSymbol { Name: "DbSet" } } method => method.TypeArguments[0],
            _ => null,
        };
        return entity is not null && entity.GetAttributes().Any(a => a.AttributeClass?.Name == nameof(PersonalDataAttribute)) ? entity.ToDisplayString() : null;
    }

    /// <summary>Whether the chain that starts at this table ends in a write (db.People.Add(...),
    /// db.People.Where(...).ExecuteDeleteAsync()).</summary>
    private static bool IsWrite(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current
               && access.Parent is InvocationExpressionSyntax call && call.Expression == access)
        {
            if (WriteMethods.Contains(access.Name.Identifier.Text)) return true;
            current = call;
        }
        return false;
    }

    /// <summary>Files of Common, Access and Geo that name a feature: one line per place, with the name it uses.</summary>
    public static IEnumerable<string> FeatureReferencesBelowTheFeatures(SourceModel model) =>
        FeatureNames(model).GroupBy(v => v.Place).Select(g => $"{g.Key}: names {g.MaxBy(v => v.Name.Length).Name}");

    private static IEnumerable<(string Place, string Name)> FeatureNames(SourceModel model)
    {
        var tree = model.Library;
        foreach (var syntax in tree.SyntaxTrees.Where(t => FeatureFreeFolders.Any(f => t.FilePath.Contains($"{Path.DirectorySeparatorChar}api{Path.DirectorySeparatorChar}Coopol{Path.DirectorySeparatorChar}{f}{Path.DirectorySeparatorChar}"))))
        {
            var semantic = tree.GetSemanticModel(syntax);
            foreach (var name in syntax.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = semantic.GetSymbolInfo(name).Symbol;
                var ns = symbol is INamespaceSymbol n ? n.ToDisplayString() : symbol?.ContainingNamespace?.ToDisplayString();
                if (ns is null || !(ns == "Coopol.Features" || ns.StartsWith("Coopol.Features.", StringComparison.Ordinal))) continue;
                var line = syntax.GetLineSpan(name.Span).StartLinePosition.Line + 1;
                yield return ($"{Path.GetRelativePath(SourceModel.RepoRoot, syntax.FilePath)}:{line}", symbol is INamespaceSymbol ? ns : symbol!.ToDisplayString());
            }
        }
    }

    /// <summary>Project and assembly references between the hosts, and from the library to a host.</summary>
    public static IEnumerable<string> HostReferences(string repoRoot, IEnumerable<Assembly> built)
    {
        var projects = new Dictionary<string, string>
        {
            ["Coopol"] = Path.Combine(repoRoot, "api", "Coopol", "Coopol.csproj"),
            ["Coopol.Api"] = Path.Combine(repoRoot, "api", "Coopol.Api", "Coopol.Api.csproj"),
            ["Coopol.Jobs"] = Path.Combine(repoRoot, "jobs", "Coopol.Jobs", "Coopol.Jobs.csproj"),
        };
        var forbidden = new Dictionary<string, string[]>
        {
            ["Coopol"] = ["Coopol.Api", "Coopol.Jobs"],
            ["Coopol.Api"] = ["Coopol.Jobs"],
            ["Coopol.Jobs"] = ["Coopol.Api"],
        };
        foreach (var (name, path) in projects)
        {
            var text = File.ReadAllText(path);
            foreach (var other in forbidden[name].Where(o => text.Contains($"{o}.csproj", StringComparison.OrdinalIgnoreCase)))
                yield return $"{name}.csproj references {other}";
        }
        foreach (var assembly in built)
        {
            var name = assembly.GetName().Name!;
            if (!forbidden.TryGetValue(name, out var bad)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => bad.Contains(r.Name)))
                yield return $"{name}.dll references {reference.Name}";
        }
    }

    /// <summary>Lists of Relay Node types that are not connections (Query.nodes, Relay's refetch by IDs, excepted).</summary>
    public static IEnumerable<string> NodeListsThatAreNotConnections(ISchema schema)
    {
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                if (type.Name == "Query" && field.Name == "nodes") continue;
                var graphType = field.ResolvedType;
                var isList = false;
                while (graphType is NonNullGraphType or ListGraphType)
                {
                    isList |= graphType is ListGraphType;
                    graphType = graphType is NonNullGraphType nn ? nn.ResolvedType : ((ListGraphType)graphType).ResolvedType;
                }
                if (!isList) continue;
                var isNode = graphType?.Name == "Node"
                    || graphType is IObjectGraphType o && o.ResolvedInterfaces.Any(i => i.Name == "Node")
                    || graphType is IInterfaceGraphType i2 && i2.Name == "Node";
                // A connection's own "items" and "edges" are the connection.
                if (isNode && !type.Name.EndsWith("Connection", StringComparison.Ordinal))
                    yield return $"{type.Name}.{field.Name} is a list of {graphType!.Name}, not a connection";
            }
        }
    }

    /// <summary>Tables of the EF model that declare neither personal data nor public data.</summary>
    public static IEnumerable<string> UnclassifiedTables(DbContext db) =>
        db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType.Namespace?.StartsWith("Coopol", StringComparison.Ordinal) == true)
            .Select(e => e.ClrType)
            .Where(t => t.GetCustomAttribute<PersonalDataAttribute>() is null && !PublicTables.Contains(t.FullName))
            .Select(t => $"{t.FullName} is neither [PersonalData] nor listed as public data");
}
