using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorSignupsAndReviewFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_People_Email",
                table: "People",
                newName: "IX_People_Email_All");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "ActionNotices",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "ActionNotices",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient",
                table: "ActionNotices",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitorSignups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Location = table.Column<Point>(type: "geography(point,4326)", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitorSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitorSignups_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitorSignups_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sections_SeatLocation",
                table: "Sections",
                column: "SeatLocation")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_People_Phone",
                table: "People",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_ActionId",
                table: "VisitorSignups",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_Email_CreatedAt",
                table: "VisitorSignups",
                columns: new[] { "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_ExpiresAt",
                table: "VisitorSignups",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_PersonId",
                table: "VisitorSignups",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_Phone_CreatedAt",
                table: "VisitorSignups",
                columns: new[] { "Phone", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSignups_TokenHash",
                table: "VisitorSignups",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitorSignups");

            migrationBuilder.DropIndex(
                name: "IX_Sections_SeatLocation",
                table: "Sections");

            migrationBuilder.DropIndex(
                name: "IX_People_Phone",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "ActionNotices");

            migrationBuilder.DropColumn(
                name: "Recipient",
                table: "ActionNotices");

            migrationBuilder.RenameIndex(
                name: "IX_People_Email_All",
                table: "People",
                newName: "IX_People_Email");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "ActionNotices",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
