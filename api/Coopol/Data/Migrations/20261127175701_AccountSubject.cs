using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountSubject",
                table: "People",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_AccountSubject",
                table: "People",
                column: "AccountSubject",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_AccountSubject",
                table: "People");

            migrationBuilder.DropColumn(
                name: "AccountSubject",
                table: "People");
        }
    }
}
