using GraphQL.Types;

namespace Coopol.Common.GraphQL;

/// <summary>What a mutation returns: the changed object, or the errors that refused it (never both).</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<object> Errors) where T : class
{
    /// <summary>Expected failures become payload errors; not being signed in stays a top-level error.</summary>
    public static async Task<Payload<T>> RunAsync(Func<Task<T>> action)
    {
        try
        {
            return new Payload<T>(await action(), []);
        }
        catch (InputValidationException e)
        {
            return new Payload<T>(null, e.Errors.Cast<object>().ToList());
        }
        catch (CoopolException e) when (e is not UnauthenticatedException)
        {
            return new Payload<T>(null, [new DomainError(e.Code, e.Message)]);
        }
    }
}

public class PayloadType<TGraph, T> : ObjectGraphType<Payload<T>> where TGraph : IGraphType where T : class
{
    public PayloadType(string name, string valueField)
    {
        Name = name;
        Field<TGraph>(valueField).Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
