using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyCoreAndKeysetPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Email",
                table: "People");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.AddColumn<Guid>(
                name: "LinkedToId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JobRunId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessLog_People_ActorId",
                        column: x => x.ActorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AccessLog_People_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    WordingVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            // The foundation kept one email and one SMS consent per person, without a purpose: they become the
            // ledger's first lines (email → news, SMS → actions), under the foundation's wording.
            migrationBuilder.Sql("""
                INSERT INTO "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "WordingVersion")
                SELECT "Id", 'News', 'Email', "EmailConsentGranted", "EmailConsentMethod", "EmailConsentRecordedAt",
                       CASE WHEN "EmailConsentGranted" THEN 'foundation-2026-11' END
                FROM "People" WHERE "EmailConsentGranted" IS NOT NULL;
                INSERT INTO "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "WordingVersion")
                SELECT "Id", 'Actions', 'Sms', "SmsConsentGranted", "SmsConsentMethod", "SmsConsentRecordedAt",
                       CASE WHEN "SmsConsentGranted" THEN 'foundation-2026-11' END
                FROM "People" WHERE "SmsConsentGranted" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "EmailConsentGranted",
                table: "People");

            migrationBuilder.DropColumn(
                name: "EmailConsentMethod",
                table: "People");

            migrationBuilder.DropColumn(
                name: "EmailConsentRecordedAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SmsConsentGranted",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SmsConsentMethod",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SmsConsentRecordedAt",
                table: "People");

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: false),
                    Parameters = table.Column<string>(type: "jsonb", nullable: true),
                    RequiredPermissions = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FederationCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StopCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    StopReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResultUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HangfireJobId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobRuns_People_StartedById",
                        column: x => x.StartedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SectionInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Accepted = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SectionInvitations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SectionInvitations_People_RecordId",
                        column: x => x.RecordId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SectionInvitations_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeopleExports",
                columns: table => new
                {
                    JobRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeopleExports", x => x.JobRunId);
                    table.ForeignKey(
                        name: "FK_PeopleExports_JobRuns_JobRunId",
                        column: x => x.JobRunId,
                        principalTable: "JobRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeopleExports_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_CreatedAt_Id",
                table: "People",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true,
                filter: "\"LinkedToId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_LastName_FirstName_Id",
                table: "People",
                columns: new[] { "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_LinkedToId",
                table: "People",
                column: "LinkedToId");

            migrationBuilder.CreateIndex(
                name: "IX_People_SectionId_CreatedAt_Id",
                table: "People",
                columns: new[] { "SectionId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_ActorId_SubjectId_At",
                table: "AccessLog",
                columns: new[] { "ActorId", "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_SubjectId_At_Id",
                table: "AccessLog",
                columns: new[] { "SubjectId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_PersonId_Purpose_Channel_At_Id",
                table: "ConsentRecords",
                columns: new[] { "PersonId", "Purpose", "Channel", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedById",
                table: "ConsentRecords",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_StartedById_CreatedAt_Id",
                table: "JobRuns",
                columns: new[] { "StartedById", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PeopleExports_ExpiresAt",
                table: "PeopleExports",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PeopleExports_RequestedById",
                table: "PeopleExports",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_SectionInvitations_PersonId_CreatedAt_Id",
                table: "SectionInvitations",
                columns: new[] { "PersonId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SectionInvitations_RecordId",
                table: "SectionInvitations",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_SectionInvitations_SectionId",
                table: "SectionInvitations",
                column: "SectionId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_People_LinkedToId",
                table: "People",
                column: "LinkedToId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // People search: trigram index over an immutable, accent-free text of each row (see PersonSearch).
            migrationBuilder.Sql(Coopol.Features.People.PersonSearch.CreateFunctionsSql);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_People_Search" ON "People"
                USING gin (coopol_person_search_text("FirstName", "LastName", "Email") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_People_Search";
                DROP FUNCTION IF EXISTS coopol_person_search_text(text, text, text);
                DROP FUNCTION IF EXISTS coopol_fold(text);
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_People_People_LinkedToId",
                table: "People");

            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "PeopleExports");

            migrationBuilder.DropTable(
                name: "SectionInvitations");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropIndex(
                name: "IX_People_CreatedAt_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Email",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_LastName_FirstName_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_LinkedToId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_SectionId_CreatedAt_Id",
                table: "People");

            migrationBuilder.DropColumn(
                name: "LinkedToId",
                table: "People");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.AddColumn<bool>(
                name: "EmailConsentGranted",
                table: "People",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConsentMethod",
                table: "People",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailConsentRecordedAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SmsConsentGranted",
                table: "People",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmsConsentMethod",
                table: "People",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmsConsentRecordedAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);
        }
    }
}
