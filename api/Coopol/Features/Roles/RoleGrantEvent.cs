using Coopol.Access;
using Coopol.Common;

namespace Coopol.Features.Roles;

public enum RoleGrantEventKind
{
    Granted,
    Revoked,
    /// <summary>Revoked because the grant it was delegated from was revoked.</summary>
    RevokedWithParent,
    /// <summary>Reached its end date (recorded by <see cref="RecordExpiredGrantsJob"/>).</summary>
    Expired,
}

/// <summary>The audit trail of rights: who did what to whom, when. Rows are only ever added.</summary>
[PersonalData("who gave which rights to whom")]
public sealed class RoleGrantEvent
{
    public long Id { get; init; }
    public required Guid GrantId { get; init; }
    public required RoleGrantEventKind Kind { get; init; }
    public required Guid GranteeId { get; init; }
    public Guid? ActorId { get; init; }
    /// <summary>The membership import that granted or withdrew it (its ActorId is who ran the import, if anyone).</summary>
    public Guid? ImportId { get; init; }
    public required Role Role { get; init; }
    public required Permission Permissions { get; init; }
    public required TreeLevel Level { get; init; }
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    public required DateTime At { get; init; }

    public static RoleGrantEvent Of(RoleGrant grant, RoleGrantEventKind kind, Guid? actorId, DateTime at, Guid? importId = null) => new()
    {
        GrantId = grant.Id, Kind = kind, GranteeId = grant.PersonId, ActorId = actorId, ImportId = importId, Role = grant.Role,
        Permissions = grant.Permissions, Level = grant.Level, FederationCode = grant.FederationCode,
        SectionId = grant.SectionId, At = at,
    };
}
