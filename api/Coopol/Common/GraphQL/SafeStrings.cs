using GraphQL.Types;
using GraphQLParser.AST;

namespace Coopol.Common.GraphQL;

/// <summary>Text that can be stored: no NUL or other control characters (tab and line breaks aside), no lone UTF-16
/// surrogates. PostgreSQL refuses them, so they are refused at the door, for every String and ID input.</summary>
public static class SafeText
{
    public static bool IsSafe(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c)) return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    public static string Check(string s) =>
        IsSafe(s) ? s : throw new FormatException("Text may not contain control characters or broken Unicode.");
}

/// <summary>The built-in String scalar, refusing unsafe text.</summary>
public sealed class SafeStringGraphType : StringGraphType
{
    public SafeStringGraphType() => Name = "String";

    public override object? ParseLiteral(GraphQLValue value) => base.ParseLiteral(value) is string s ? SafeText.Check(s) : null;

    public override bool CanParseLiteral(GraphQLValue value) => base.CanParseLiteral(value) && (value is not GraphQLStringValue s || SafeText.IsSafe((string)s.Value));

    public override object? ParseValue(object? value) => base.ParseValue(value) is string s ? SafeText.Check(s) : null;

    public override bool CanParseValue(object? value) => base.CanParseValue(value) && (value is not string s || SafeText.IsSafe(s));
}

/// <summary>The built-in ID scalar, refusing unsafe text.</summary>
public sealed class SafeIdGraphType : IdGraphType
{
    public override object? ParseLiteral(GraphQLValue value) => Check(base.ParseLiteral(value));

    public override bool CanParseLiteral(GraphQLValue value) => base.CanParseLiteral(value) && (value is not GraphQLStringValue s || SafeText.IsSafe((string)s.Value));

    public override object? ParseValue(object? value) => Check(base.ParseValue(value));

    public override bool CanParseValue(object? value) => base.CanParseValue(value) && (value is not string s || SafeText.IsSafe(s));

    private static object? Check(object? parsed) => parsed is string s ? SafeText.Check(s) : parsed;
}
