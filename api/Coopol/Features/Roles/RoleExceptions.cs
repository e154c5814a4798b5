using Coopol.Common;

namespace Coopol.Features.Roles;

public sealed class GrantNotFoundException() : CoopolException("GRANT_NOT_FOUND", "This role or delegation was not found.");

public sealed class GrantAlreadyRevokedException()
    : CoopolException("GRANT_ALREADY_REVOKED", "This role or delegation has already been revoked.");

public sealed class DelegationExpiredException(DateTime expiredAt)
    : CoopolException("DELEGATION_EXPIRED", $"This delegation already ended on {expiredAt:yyyy-MM-dd HH:mm} UTC.");

public sealed class RoleAlreadyHeldException()
    : CoopolException("ROLE_ALREADY_HELD", "This person already holds this role on this node.");

public sealed class DelegationExceedsGrantorException(string held)
    : CoopolException("DELEGATION_EXCEEDS_GRANTOR",
        $"You can only delegate rights you hold yourself on this node, from a grant that lets you hand them on{(held.Length > 0 ? $" ({held})" : "")}.");
