using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignMaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BlocSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlocSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ColumnMappings",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Json = table.Column<string>(type: "jsonb", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ColumnMappings", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    PostalCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    Boundary = table.Column<MultiPolygon>(type: "geometry(multipolygon,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Elections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Options = table.Column<string>(type: "jsonb", nullable: true),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Counts = table.Column<string>(type: "jsonb", nullable: true),
                    Warnings = table.Column<List<string>>(type: "text[]", nullable: false),
                    WarningCount = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: true),
                    JobRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportReports_People_StartedById",
                        column: x => x.StartedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportUploads_People_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Aggregation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NuanceBlocs",
                columns: table => new
                {
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Nuance = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Bloc = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BlocName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    BlocOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NuanceBlocs", x => new { x.SchemeId, x.Nuance });
                    table.ForeignKey(
                        name: "FK_NuanceBlocs_BlocSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "BlocSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IrisZones",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Boundary = table.Column<MultiPolygon>(type: "geometry(multipolygon,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IrisZones", x => x.Code);
                    table.ForeignKey(
                        name: "FK_IrisZones_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollingStations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Location = table.Column<Point>(type: "geometry(point,4326)", nullable: true),
                    Contour = table.Column<MultiPolygon>(type: "geometry(multipolygon,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollingStations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollingStations_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ElectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Constituency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Panel = table.Column<int>(type: "integer", nullable: true),
                    Nuance = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Name = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Elected = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => new { x.IndicatorId, x.ZoneCode });
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SectionAreas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionAreas", x => x.Id);
                    table.CheckConstraint("CK_SectionAreas_OneKind", "(\"CommuneCode\" IS NULL) <> (\"StationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_SectionAreas_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code");
                    table.ForeignKey(
                        name: "FK_SectionAreas_PollingStations_StationId",
                        column: x => x.StationId,
                        principalTable: "PollingStations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SectionAreas_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SectionStations",
                columns: table => new
                {
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionStations", x => new { x.SectionId, x.StationId });
                    table.ForeignKey(
                        name: "FK_SectionStations_PollingStations_StationId",
                        column: x => x.StationId,
                        principalTable: "PollingStations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SectionStations_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StationResults",
                columns: table => new
                {
                    ElectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Constituency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Registered = table.Column<int>(type: "integer", nullable: false),
                    Voters = table.Column<int>(type: "integer", nullable: false),
                    Abstentions = table.Column<int>(type: "integer", nullable: false),
                    Blank = table.Column<int>(type: "integer", nullable: false),
                    Null = table.Column<int>(type: "integer", nullable: false),
                    Expressed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationResults", x => new { x.ElectionId, x.StationId });
                    table.CheckConstraint("CK_StationResults_Counts", "\"Registered\" >= \"Voters\" AND \"Voters\" >= \"Expressed\" AND \"Blank\" >= 0 AND \"Null\" >= 0 AND \"Expressed\" >= 0");
                    table.ForeignKey(
                        name: "FK_StationResults_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StationResults_PollingStations_StationId",
                        column: x => x.StationId,
                        principalTable: "PollingStations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateVotes",
                columns: table => new
                {
                    ElectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateVotes", x => new { x.ElectionId, x.StationId, x.CandidateId });
                    table.CheckConstraint("CK_CandidateVotes_Votes", "\"Votes\" >= 0");
                    table.ForeignKey(
                        name: "FK_CandidateVotes_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CandidateVotes_StationResults_ElectionId_StationId",
                        columns: x => new { x.ElectionId, x.StationId },
                        principalTable: "StationResults",
                        principalColumns: new[] { "ElectionId", "StationId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlocSchemes_IsDefault",
                table: "BlocSchemes",
                column: "IsDefault",
                unique: true,
                filter: "\"IsDefault\"");

            migrationBuilder.CreateIndex(
                name: "IX_BlocSchemes_Name",
                table: "BlocSchemes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_ElectionId_Key",
                table: "Candidates",
                columns: new[] { "ElectionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CandidateVotes_CandidateId",
                table: "CandidateVotes",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_Boundary",
                table: "Communes",
                column: "Boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_DepartementCode",
                table: "Communes",
                column: "DepartementCode");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_PostalCodes",
                table: "Communes",
                column: "PostalCodes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Elections_Kind_Date_Round_Scope",
                table: "Elections",
                columns: new[] { "Kind", "Date", "Round", "Scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportReports_StartedAt_Id",
                table: "ImportReports",
                columns: new[] { "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportReports_StartedById",
                table: "ImportReports",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_CreatedAt",
                table: "ImportUploads",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_UploadedById",
                table: "ImportUploads",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IrisZones_Boundary",
                table: "IrisZones",
                column: "Boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_IrisZones_CommuneCode",
                table: "IrisZones",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_PollingStations_CommuneCode",
                table: "PollingStations",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_PollingStations_Contour",
                table: "PollingStations",
                column: "Contour")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_PollingStations_DepartementCode_Id",
                table: "PollingStations",
                columns: new[] { "DepartementCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PollingStations_Location",
                table: "PollingStations",
                column: "Location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_SectionAreas_CommuneCode",
                table: "SectionAreas",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_SectionAreas_SectionId_CommuneCode_StationId",
                table: "SectionAreas",
                columns: new[] { "SectionId", "CommuneCode", "StationId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_SectionAreas_StationId",
                table: "SectionAreas",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_SectionStations_StationId",
                table: "SectionStations",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_StationResults_StationId",
                table: "StationResults",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateVotes");

            migrationBuilder.DropTable(
                name: "ColumnMappings");

            migrationBuilder.DropTable(
                name: "ImportReports");

            migrationBuilder.DropTable(
                name: "ImportUploads");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "IrisZones");

            migrationBuilder.DropTable(
                name: "NuanceBlocs");

            migrationBuilder.DropTable(
                name: "SectionAreas");

            migrationBuilder.DropTable(
                name: "SectionStations");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "StationResults");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "BlocSchemes");

            migrationBuilder.DropTable(
                name: "Elections");

            migrationBuilder.DropTable(
                name: "PollingStations");

            migrationBuilder.DropTable(
                name: "Communes");
        }
    }
}
