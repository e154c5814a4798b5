using GraphQL.Types;

namespace Coopol.Common.GraphQL;

/// <summary>Relay's Node: every object that can be refetched by its global ID.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a Relay global ID.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
