using Coopol.Access;
using GraphQL.Types;

namespace Coopol.Features.Roles;

public sealed class GrantRoleInputType : InputObjectGraphType<GrantRoleInput>
{
    public GrantRoleInputType()
    {
        Name = "GrantRoleInput";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<NonNullGraphType<RoleType>>("role");
        Field<IdGraphType>("scopeId").Description("Global ID of the federation or section; omitted for NATIONAL_TEAM.");
    }
}

public sealed class RevokeRoleInputType : InputObjectGraphType<RevokeRoleInput>
{
    public RevokeRoleInputType()
    {
        Name = "RevokeRoleInput";
        Field<NonNullGraphType<IdGraphType>>("grantId");
    }
}

public sealed class GrantDelegationInputType : InputObjectGraphType<GrantDelegationInput>
{
    public GrantDelegationInputType()
    {
        Name = "GrantDelegationInput";
        Field<NonNullGraphType<IdGraphType>>("personId");
        Field<IdGraphType>("scopeId").Description("Global ID of the federation or section; omitted for national level.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PermissionType>>>>("permissions");
        Field(x => x.ExpiresAt, nullable: true);
    }
}

public sealed class RevokeDelegationInputType : InputObjectGraphType<RevokeDelegationInput>
{
    public RevokeDelegationInputType()
    {
        Name = "RevokeDelegationInput";
        Field<NonNullGraphType<IdGraphType>>("delegationId");
    }
}

public sealed class DelegationFilterType : InputObjectGraphType<DelegationFilter>
{
    public DelegationFilterType()
    {
        Name = "DelegationFilter";
        Field<IdGraphType>("scopeId").Description("Global ID of a federation or section.");
        Field(x => x.IncludeInactive, nullable: true).DefaultValue(false);
    }
}
