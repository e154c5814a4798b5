using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActionNoticesInTheOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActionId",
                table: "Outbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Outbox",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Outbox",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ActionId_Id",
                table: "Outbox",
                columns: new[] { "ActionId", "Id" },
                filter: "\"ActionId\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Outbox_Actions_ActionId",
                table: "Outbox",
                column: "ActionId",
                principalTable: "Actions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // The notices written before Coopol could send them move into the outbox, held (what was pending then is
            // stale now: a reminder of a past action, a link expired); the organizers still see them on their action.
            migrationBuilder.Sql("""
                INSERT INTO "Outbox" ("MessageId", "PersonId", "Channel", "Address", "Key", "Status", "Note", "Attempts", "NextAttemptAt",
                                      "IsTest", "CreatedAt", "ActionId", "Kind", "Subject", "Body", "FederationCode", "CommuneCode", "FirstName", "SectionId")
                SELECT NULL, n."PersonId",
                       CASE WHEN coalesce(n."Recipient", p."Email", '') LIKE '%@%' THEN 'Email' ELSE 'Sms' END,
                       coalesce(n."Recipient", p."Email", p."Phone", ''), n."Key", 'Held',
                       coalesce(n."HeldReason", 'Written before Coopol could send: not sent'), 0, n."CreatedAt", false, n."CreatedAt",
                       n."ActionId", n."Kind", n."Subject", n."Body", a."FederationCode", a."CommuneCode", p."FirstName", p."SectionId"
                FROM "ActionNotices" n JOIN "Actions" a ON a."Id" = n."ActionId" LEFT JOIN "People" p ON p."Id" = n."PersonId"
                ON CONFLICT ("Key") DO NOTHING;
                """);

            migrationBuilder.DropTable(
                name: "ActionNotices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Outbox_Actions_ActionId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ActionId_Id",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ActionId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Outbox");

            migrationBuilder.CreateTable(
                name: "ActionNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeldReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionNotices_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionNotices_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_ActionId_Id",
                table: "ActionNotices",
                columns: new[] { "ActionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_Key",
                table: "ActionNotices",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotices_PersonId",
                table: "ActionNotices",
                column: "PersonId");
        }
    }
}
