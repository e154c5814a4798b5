namespace Coopol.Common;

/// <summary>Marks an entity whose rows are personal data (GDPR; political engagement is art. 9 data). Such a table is
/// read only through its feature's scoped path; the architecture tests hold the list of those paths and fail on any
/// other read.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PersonalDataAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
