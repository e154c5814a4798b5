using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportProblemCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProblemCode",
                table: "ImportReports",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProblemCode",
                table: "ImportReports");
        }
    }
}
