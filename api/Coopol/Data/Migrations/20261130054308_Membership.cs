using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class Membership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipImports");

            migrationBuilder.DropTable(
                name: "MembershipMappings");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "RoleGrants");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "RoleGrantEvents");
        }
    }
}
