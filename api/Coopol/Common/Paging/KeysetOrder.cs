using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Common.Paging;

/// <summary>A sort order for keyset paging: the sort keys (ending with a unique one), their direction, and the cursor
/// that holds a row's keys. Pages are read with a row-value comparison, <c>(a, b, id) &gt; (@a, @b, @id)</c>, which
/// an index on the same columns answers directly: page 200 costs what page 1 costs.</summary>
public sealed class KeysetOrder<T>
{
    private readonly LambdaExpression[] _keys;
    private readonly Func<T, object>[] _values;
    private readonly Type[] _types;

    private KeysetOrder(string name, bool descending, LambdaExpression[] keys)
    {
        Name = name;
        Descending = descending;
        _keys = keys;
        _types = keys.Select(k => k.ReturnType).ToArray();
        _values = keys.Select(k =>
        {
            var boxed = Expression.Lambda<Func<T, object>>(Expression.Convert(k.Body, typeof(object)), k.Parameters);
            return boxed.Compile();
        }).ToArray();
    }

    public string Name { get; }
    public bool Descending { get; }

    public static KeysetOrder<T> Ascending(string name, params LambdaExpression[] keys) => new(name, false, keys);

    public static KeysetOrder<T> DescendingBy(string name, params LambdaExpression[] keys) => new(name, true, keys);

    public static Expression<Func<T, TKey>> Key<TKey>(Expression<Func<T, TKey>> key) => key;

    public string CursorOf(T item)
    {
        var parts = new List<string> { Name };
        for (var i = 0; i < _values.Length; i++) parts.Add(Format(_values[i](item)));
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(parts)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The key values a cursor holds; anything else (another order, wrong types, garbage) is refused.</summary>
    public object[] Decode(string cursor, string field)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(b64));
            if (parts is null || parts.Length != _types.Length + 1 || parts[0] != Name) throw PageRequest.InvalidCursor(field);
            return _types.Select((t, i) => Parse(parts[i + 1], t) ?? throw PageRequest.InvalidCursor(field)).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw PageRequest.InvalidCursor(field);
        }
    }

    public IOrderedQueryable<T> Order(IQueryable<T> source, bool reversed)
    {
        var descending = Descending != reversed;
        var ordered = Call(source, descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), _keys[0]);
        for (var i = 1; i < _keys.Length; i++)
            ordered = Call(ordered, descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy), _keys[i]);
        return ordered;
    }

    /// <summary>Rows strictly after the cursor's row in this order (or before it, reversed).</summary>
    public Expression<Func<T, bool>> Beyond(object[] values, bool reversed)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = _keys.Select(k => new ParameterReplacer(k.Parameters[0], parameter).Visit(k.Body)!).ToArray();
        // Values go through a closure so EF sends them as parameters (one cached plan for every page).
        var constants = values.Select((v, i) => (Expression)Expression.Property(
            Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(_types[i]), v)), "Value")).ToArray();
        var greater = Descending == reversed;
        Expression body;
        if (keys.Length == 1)
        {
            body = _types[0] == typeof(string)
                ? (greater ? Expression.GreaterThan : (Func<Expression, Expression, BinaryExpression>)Expression.LessThan)(
                    Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, keys[0], constants[0]),
                    Expression.Constant(0))
                : greater ? Expression.GreaterThan(keys[0], constants[0]) : Expression.LessThan(keys[0], constants[0]);
        }
        else
        {
            var method = typeof(NpgsqlDbFunctionsExtensions).GetMethod(greater ? "GreaterThan" : "LessThan", [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;
            body = Expression.Call(method, Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                Expression.Convert(Tuple(keys), typeof(ITuple)), Expression.Convert(Tuple(constants), typeof(ITuple)));
        }
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private Expression Tuple(Expression[] items)
    {
        var create = typeof(ValueTuple).GetMethods()
            .Single(m => m.Name == nameof(ValueTuple.Create) && m.GetGenericArguments().Length == items.Length)
            .MakeGenericMethod(_types);
        return Expression.Call(create, items);
    }

    private static IOrderedQueryable<T> Call(IQueryable<T> source, string method, LambdaExpression key) =>
        (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method,
            [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key)));

    private static string Format(object value) => value switch
    {
        Guid g => g.ToString("N"),
        DateTime d => d.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static object? Parse(string text, Type type)
    {
        if (type == typeof(string)) return text.Length <= 200 && GraphQL.SafeText.IsSafe(text) ? text : null;
        if (type == typeof(long)) return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : null;
        if (type == typeof(Guid)) return Guid.TryParseExact(text, "N", out var g) ? g : null;
        if (type == typeof(DateTime))
            return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t)
                && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks ? new DateTime(t, DateTimeKind.Utc) : null;
        if (type == typeof(double))
            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
                && double.IsFinite(x) ? x : null;
        if (type == typeof(int)) return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        throw new NotSupportedException($"Keyset cursors do not hold {type.Name} values.");
    }
}

/// <summary>Holds a cursor value; EF turns a member of a constant object into a query parameter.</summary>
internal sealed class Box<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}

internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
