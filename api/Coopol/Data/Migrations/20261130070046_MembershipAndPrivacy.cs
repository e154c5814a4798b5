using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipAndPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DoorReports_People_ReporterId",
                table: "DoorReports");

            migrationBuilder.DropForeignKey(
                name: "FK_Messages_People_AuthorId",
                table: "Messages");

            migrationBuilder.DropForeignKey(
                name: "FK_Segments_People_CreatedById",
                table: "Segments");

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "Segments",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "RoleGrants",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "RoleGrantEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "Messages",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "ReporterId",
                table: "DoorReports",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "Actions",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "ErasedCheckIns",
                table: "Actions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ErasedIdentifiers",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedIdentifiers", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "ErasureRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByThemselves = table.Column<bool>(type: "boolean", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Rows = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErasureRecords_People_ActorId",
                        column: x => x.ActorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MembershipImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Mapping = table.Column<string>(type: "jsonb", nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    SkipInvalidRows = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Encoding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Counts = table.Column<string>(type: "jsonb", nullable: false),
                    Problems = table.Column<string>(type: "jsonb", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    ProblemLines = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Changes = table.Column<string>(type: "jsonb", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DryRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: true),
                    JobRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipImports_People_StartedById",
                        column: x => x.StartedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MembershipMappings",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Columns = table.Column<string>(type: "jsonb", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipMappings", x => x.Scope);
                    table.ForeignKey(
                        name: "FK_MembershipMappings_People_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DuesPaid = table.Column<bool>(type: "boolean", nullable: true),
                    Scope = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_Memberships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CanvassingReports = table.Column<int>(type: "integer", nullable: false),
                    InactiveSupporters = table.Column<int>(type: "integer", nullable: false),
                    FormerMembers = table.Column<int>(type: "integer", nullable: false),
                    ImportReports = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ActorId",
                table: "ErasureRecords",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_At",
                table: "ErasureRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipImports_JobRunId",
                table: "MembershipImports",
                column: "JobRunId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipImports_Scope_StartedAt_Id",
                table: "MembershipImports",
                columns: new[] { "Scope", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipImports_StartedById",
                table: "MembershipImports",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipMappings_UpdatedById",
                table: "MembershipMappings",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Number",
                table: "Memberships",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Scope",
                table: "Memberships",
                column: "Scope");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_At",
                table: "RetentionRuns",
                column: "At");

            migrationBuilder.AddForeignKey(
                name: "FK_DoorReports_People_ReporterId",
                table: "DoorReports",
                column: "ReporterId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Messages_People_AuthorId",
                table: "Messages",
                column: "AuthorId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Segments_People_CreatedById",
                table: "Segments",
                column: "CreatedById",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DoorReports_People_ReporterId",
                table: "DoorReports");

            migrationBuilder.DropForeignKey(
                name: "FK_Messages_People_AuthorId",
                table: "Messages");

            migrationBuilder.DropForeignKey(
                name: "FK_Segments_People_CreatedById",
                table: "Segments");

            migrationBuilder.DropTable(
                name: "ErasedIdentifiers");

            migrationBuilder.DropTable(
                name: "ErasureRecords");

            migrationBuilder.DropTable(
                name: "MembershipImports");

            migrationBuilder.DropTable(
                name: "MembershipMappings");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "RoleGrants");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "RoleGrantEvents");

            migrationBuilder.DropColumn(
                name: "ErasedCheckIns",
                table: "Actions");

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "Segments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "Messages",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ReporterId",
                table: "DoorReports",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CreatedById",
                table: "Actions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DoorReports_People_ReporterId",
                table: "DoorReports",
                column: "ReporterId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Messages_People_AuthorId",
                table: "Messages",
                column: "AuthorId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Segments_People_CreatedById",
                table: "Segments",
                column: "CreatedById",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
