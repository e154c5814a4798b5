using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ProfileVisibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(16);
        builder.Property(p => p.Location).HasColumnType("geography(point,4326)");
        builder.Ignore(p => p.DisplayName);
        builder.Property(p => p.AccountSubject).HasMaxLength(200);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.AccountSubject).IsUnique();
        builder.HasIndex(p => new { p.SectionId, p.LastName, p.FirstName, p.Id });
        builder.HasIndex(p => p.Tags).HasMethod("gin");
        builder.HasIndex(p => p.Location).HasMethod("gist");
        builder.HasOne(p => p.Section).WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Restrict);

        builder.ComplexProperty(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            a.Property(x => x.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            a.Property(x => x.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(10);
            a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(100);
            a.Property(x => x.Country).HasColumnName("AddressCountry").HasMaxLength(2);
        });
        builder.ComplexProperty(p => p.EmailConsent, c =>
        {
            c.Property(x => x.Granted).HasColumnName("EmailConsentGranted");
            c.Property(x => x.Method).HasColumnName("EmailConsentMethod").HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.RecordedAt).HasColumnName("EmailConsentRecordedAt");
        });
        builder.ComplexProperty(p => p.SmsConsent, c =>
        {
            c.Property(x => x.Granted).HasColumnName("SmsConsentGranted");
            c.Property(x => x.Method).HasColumnName("SmsConsentMethod").HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.RecordedAt).HasColumnName("SmsConsentRecordedAt");
        });
    }
}
