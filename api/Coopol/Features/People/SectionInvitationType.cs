using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.PartyTree;
using GraphQL.Types;

namespace Coopol.Features.People;

public sealed class SectionInvitationType : ObjectGraphType<SectionInvitation>
{
    public const string NodeType = "SectionInvitation";

    public SectionInvitationType()
    {
        Name = "SectionInvitation";
        Description = "A section recorded the viewer under their email: do they want to join it? Seen only by the person asked.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(NodeType, ctx.Source.Id));
        Field<NonNullGraphType<SectionType>>("section").Resolve(ctx => ctx.Service<SectionLoader>().Load(ctx.Source.SectionId));
        Field(i => i.CreatedAt);
        Field(i => i.AnsweredAt, nullable: true);
        Field(i => i.Accepted, nullable: true);
    }
}
