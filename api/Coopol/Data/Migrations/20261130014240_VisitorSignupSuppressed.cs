using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorSignupSuppressed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Suppressed",
                table: "VisitorSignups",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Suppressed",
                table: "VisitorSignups");
        }
    }
}
