using Coopol.Access;
using Coopol.Features.PartyTree;
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
        // What search reads: computed by PostgreSQL, never written by Coopol (see PersonSearch).
        builder.Property<string>(PersonSearch.Column)
            .HasComputedColumnSql("coopol_person_search_text(\"FirstName\", \"LastName\", \"Email\")", stored: true);
        // One primary record per email; records a section made of someone known elsewhere are linked to it.
        builder.HasIndex(p => p.Email).IsUnique().HasFilter("\"LinkedToId\" IS NULL");
        builder.HasIndex(p => p.AccountSubject).IsUnique();
        // Every record of a contact, linked ones included (a sign-up checks whether that contact already takes part).
        // A named index of its own: HasIndex on the same column again would reconfigure the unique one above.
        builder.HasIndex(p => p.Email, "IX_People_Email_All");
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.LinkedToId);
        // Keyset pages: per section and across sections, by name and by date.
        builder.HasIndex(p => new { p.SectionId, p.LastName, p.FirstName, p.Id });
        builder.HasIndex(p => new { p.LastName, p.FirstName, p.Id });
        builder.HasIndex(p => new { p.SectionId, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => p.Tags).HasMethod("gin");
        builder.HasIndex(p => p.Location).HasMethod("gist");
        builder.HasOne<Section>().WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.LinkedToId).OnDelete(DeleteBehavior.SetNull);

        // Rights are held by people (declared here so the rights core names no feature).
        builder.HasMany<RoleGrant>().WithOne().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<RoleGrant>().WithOne().HasForeignKey(g => g.GrantedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany<RoleGrant>().WithOne().HasForeignKey(g => g.RevokedById).OnDelete(DeleteBehavior.SetNull);

        builder.ComplexProperty(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            a.Property(x => x.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            a.Property(x => x.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(10);
            a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(100);
            a.Property(x => x.Country).HasColumnName("AddressCountry").HasMaxLength(2);
        });
    }
}
