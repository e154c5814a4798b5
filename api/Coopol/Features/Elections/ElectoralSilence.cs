using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Elections;

/// <summary>The eve and the day of a vote, when French law forbids campaigning: no new campaign action is published
/// and reminders and campaign messages are held. Set per election and territory ("FR", a département, a commune).</summary>
public sealed class SilencePeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? ElectionId { get; init; }
    /// <summary>"FR" for the whole country, a département code ("29") or a commune code ("29019").</summary>
    public required string Scope { get; init; }
    public required string Name { get; init; }
    public DateTime StartsAt { get; init; }
    public DateTime EndsAt { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Whether the silence covers a place of this federation and commune.</summary>
    public bool Covers(string federationCode, string? communeCode) =>
        Scope == "FR" || Scope == federationCode || (communeCode is not null && Scope == communeCode);
}

public sealed class SilencePeriodConfiguration : IEntityTypeConfiguration<SilencePeriod>
{
    public void Configure(EntityTypeBuilder<SilencePeriod> builder)
    {
        builder.ToTable("SilencePeriods", t => t.HasCheckConstraint("CK_SilencePeriods_EndsAfterStart", "\"EndsAt\" > \"StartsAt\""));
        builder.Property(s => s.Scope).HasMaxLength(5);
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.HasIndex(s => new { s.EndsAt, s.StartsAt });
        builder.HasOne<Election>().WithMany().HasForeignKey(s => s.ElectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SetSilenceInput
{
    public string? ElectionId { get; init; }
    public string Scope { get; init; } = "FR";
    public string? Name { get; init; }
    /// <summary>The vote's date, when no election is named (the silence then runs from the eve's midnight to 20:00).</summary>
    public DateOnly? VoteDate { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
}

public sealed class SetSilenceInputValidator : AbstractValidator<SetSilenceInput>
{
    public SetSilenceInputValidator()
    {
        RuleFor(x => x.Scope).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(5).WithErrorCode("TOO_LONG")
            .Must(s => s == "FR" || s.All(char.IsAsciiLetterOrDigit)).WithErrorCode("INVALID").WithMessage("FR, a département code or a commune code.");
        RuleFor(x => x.Name).MaximumLength(120).WithErrorCode("TOO_LONG");
        RuleFor(x => x).Must(x => x.StartsAt is null == x.EndsAt is null).WithName("endsAt").WithErrorCode("REQUIRED")
            .WithMessage("Give both the start and the end, or neither.");
        RuleFor(x => x).Must(x => x.StartsAt is null || x.EndsAt > x.StartsAt).WithName("endsAt").WithErrorCode("ENDS_BEFORE_START")
            .WithMessage("The silence must end after it starts.");
        RuleFor(x => x).Must(x => x.StartsAt is not null || x.ElectionId is not null || x.VoteDate is not null).WithName("voteDate")
            .WithErrorCode("REQUIRED").WithMessage("Name an election, a vote date, or the start and end.");
    }
}

public sealed class ElectoralSilenceInEffectException(SilencePeriod period)
    : CoopolException("ELECTORAL_SILENCE", $"Electoral silence ({period.Name}) until {period.EndsAt:yyyy-MM-dd HH:mm} UTC: nothing new may be published.");

/// <summary>Reads and sets the silence periods. Setting one is the national team's (ENTER_RESULTS nationally, the
/// right that runs elections in Coopol).</summary>
public sealed class ElectoralSilence(CoopolDbContext db, CallerContext caller, TimeProvider clock, IValidator<SetSilenceInput> validator)
{
    public static readonly TimeZoneInfo France = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The silence covering a place at an instant, if any.</summary>
    public async Task<SilencePeriod?> AtAsync(string federationCode, string? communeCode, DateTime at, CancellationToken ct) =>
        (await db.Set<SilencePeriod>().AsNoTracking().Where(s => s.StartsAt <= at && s.EndsAt > at).ToListAsync(ct))
            .FirstOrDefault(s => s.Covers(federationCode, communeCode));

    /// <summary>Every silence that overlaps [from, to), for jobs that check many places at once.</summary>
    public Task<List<SilencePeriod>> OverlappingAsync(DateTime from, DateTime to, CancellationToken ct) =>
        db.Set<SilencePeriod>().AsNoTracking().Where(s => s.StartsAt < to && s.EndsAt > from).ToListAsync(ct);

    public async Task<IReadOnlyList<SilencePeriod>> UpcomingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SilencePeriod>().AsNoTracking().Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(100).ToListAsync(ct);
    }

    public async Task<SilencePeriod> SetAsync(SetSilenceInput input, CancellationToken ct)
    {
        await RequireNationalAsync(ct);
        validator.ValidateOrThrow(input);
        Election? election = null;
        if (input.ElectionId is not null)
        {
            var id = GlobalId.ParseGuid(input.ElectionId, ElectionService.NodeType, "electionId");
            election = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new ElectionNotFoundException();
        }
        var voteDate = input.VoteDate ?? election?.Date;
        // By default: from the eve's midnight until the last polls close (20:00 in the large cities), Paris time.
        var (starts, ends) = input.StartsAt is { } s
            ? (Instants.Utc(s), Instants.Utc(input.EndsAt!.Value))
            : (Utc(voteDate!.Value.AddDays(-1), TimeOnly.MinValue), Utc(voteDate!.Value, new TimeOnly(20, 0)));
        var period = new SilencePeriod
        {
            ElectionId = election?.Id, Scope = input.Scope.Trim().ToUpperInvariant() == "FR" ? "FR" : input.Scope.Trim().ToUpperInvariant(),
            Name = input.Name?.Trim() is { Length: > 0 } name ? name : election?.Name ?? $"Vote du {voteDate:dd/MM/yyyy}",
            StartsAt = starts, EndsAt = ends, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(period);
        await db.SaveChangesAsync(ct);
        return period;
    }

    public async Task<SilencePeriod> DeleteAsync(string id, CancellationToken ct)
    {
        await RequireNationalAsync(ct);
        var key = GlobalId.ParseGuid(id, NodeType, "id");
        var period = await db.Set<SilencePeriod>().AsTracking().FirstOrDefaultAsync(p => p.Id == key, ct)
            ?? throw InputValidationException.For("id", "NOT_FOUND", "No such silence period.");
        db.Remove(period);
        await db.SaveChangesAsync(ct);
        return period;
    }

    public const string NodeType = "SilencePeriod";

    private static DateTime Utc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), France);

    private async Task RequireNationalAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        if (!rights.Can(Permission.EnterResults, TreeNode.National))
            throw new ForbiddenException("Only the national team sets electoral silence.");
    }
}
