using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "People",
                type: "text",
                nullable: true,
                computedColumnSql: "coopol_person_search_text(\"FirstName\", \"LastName\", \"Email\")",
                stored: true);

            // The trigram index moves to the stored text: rechecking a candidate no longer recomputes unaccent.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_People_Search";
                CREATE INDEX "IX_People_SearchText" ON "People" USING gin ("SearchText" gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_People_SearchText";
                CREATE INDEX "IX_People_Search" ON "People"
                USING gin (coopol_person_search_text("FirstName", "LastName", "Email") gin_trgm_ops);
                """);
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "People");
        }
    }
}
