using GraphQL.Types;

namespace Coopol.Common.GraphQL;

public sealed record DomainError(string Code, string Message);

public sealed class MutationErrorInterface : InterfaceGraphType
{
    public MutationErrorInterface()
    {
        Name = "MutationError";
        Description = "A failure a mutation reports in its payload.";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<NonNullGraphType<StringGraphType>>("message");
    }
}

public sealed class ValidationErrorType : ObjectGraphType<FieldError>
{
    public ValidationErrorType()
    {
        Name = "ValidationError";
        Description = "An input value that was refused; field names the input field (e.g. \"email\").";
        Interface<MutationErrorInterface>();
        Field(e => e.Code);
        Field(e => e.Message);
        Field(e => e.Field);
    }
}

public sealed class DomainErrorType : ObjectGraphType<DomainError>
{
    public DomainErrorType()
    {
        Name = "DomainError";
        Description = "A rule of the domain that refused the mutation (PERSON_NOT_FOUND, FORBIDDEN, DELEGATION_EXCEEDS_GRANTOR...).";
        Interface<MutationErrorInterface>();
        Field(e => e.Code);
        Field(e => e.Message);
    }
}
