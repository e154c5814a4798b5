using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "Federations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Federations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrantEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GranteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Permissions = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FederationCode = table.Column<string>(type: "text", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrantEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FederationCode = table.Column<string>(type: "character varying(3)", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SeatAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SeatLocation = table.Column<Point>(type: "geography(point,4326)", nullable: true),
                    Territory = table.Column<MultiPolygon>(type: "geometry(multipolygon,4326)", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sections_Federations_FederationCode",
                        column: x => x.FederationCode,
                        principalTable: "Federations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Location = table.Column<Point>(type: "geography(point,4326)", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProfileVisibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddressCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AddressCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressPostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    EmailConsentGranted = table.Column<bool>(type: "boolean", nullable: true),
                    EmailConsentMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EmailConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SmsConsentGranted = table.Column<bool>(type: "boolean", nullable: true),
                    SmsConsentMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SmsConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FederationCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Permissions = table.Column<int>(type: "integer", nullable: false),
                    ParentGrantId = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedById = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleGrants_Federations_FederationCode",
                        column: x => x.FederationCode,
                        principalTable: "Federations",
                        principalColumn: "Code");
                    table.ForeignKey(
                        name: "FK_RoleGrants_People_GrantedById",
                        column: x => x.GrantedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoleGrants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleGrants_People_RevokedById",
                        column: x => x.RevokedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoleGrants_RoleGrants_ParentGrantId",
                        column: x => x.ParentGrantId,
                        principalTable: "RoleGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleGrants_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id");
                });

            migrationBuilder.InsertData(
                table: "Federations",
                columns: new[] { "Code", "Name" },
                values: new object[,]
                {
                    { "01", "Ain" },
                    { "02", "Aisne" },
                    { "03", "Allier" },
                    { "04", "Alpes-de-Haute-Provence" },
                    { "05", "Hautes-Alpes" },
                    { "06", "Alpes-Maritimes" },
                    { "07", "Ardèche" },
                    { "08", "Ardennes" },
                    { "09", "Ariège" },
                    { "10", "Aube" },
                    { "11", "Aude" },
                    { "12", "Aveyron" },
                    { "13", "Bouches-du-Rhône" },
                    { "14", "Calvados" },
                    { "15", "Cantal" },
                    { "16", "Charente" },
                    { "17", "Charente-Maritime" },
                    { "18", "Cher" },
                    { "19", "Corrèze" },
                    { "21", "Côte-d'Or" },
                    { "22", "Côtes-d'Armor" },
                    { "23", "Creuse" },
                    { "24", "Dordogne" },
                    { "25", "Doubs" },
                    { "26", "Drôme" },
                    { "27", "Eure" },
                    { "28", "Eure-et-Loir" },
                    { "29", "Finistère" },
                    { "2A", "Corse-du-Sud" },
                    { "2B", "Haute-Corse" },
                    { "30", "Gard" },
                    { "31", "Haute-Garonne" },
                    { "32", "Gers" },
                    { "33", "Gironde" },
                    { "34", "Hérault" },
                    { "35", "Ille-et-Vilaine" },
                    { "36", "Indre" },
                    { "37", "Indre-et-Loire" },
                    { "38", "Isère" },
                    { "39", "Jura" },
                    { "40", "Landes" },
                    { "41", "Loir-et-Cher" },
                    { "42", "Loire" },
                    { "43", "Haute-Loire" },
                    { "44", "Loire-Atlantique" },
                    { "45", "Loiret" },
                    { "46", "Lot" },
                    { "47", "Lot-et-Garonne" },
                    { "48", "Lozère" },
                    { "49", "Maine-et-Loire" },
                    { "50", "Manche" },
                    { "51", "Marne" },
                    { "52", "Haute-Marne" },
                    { "53", "Mayenne" },
                    { "54", "Meurthe-et-Moselle" },
                    { "55", "Meuse" },
                    { "56", "Morbihan" },
                    { "57", "Moselle" },
                    { "58", "Nièvre" },
                    { "59", "Nord" },
                    { "60", "Oise" },
                    { "61", "Orne" },
                    { "62", "Pas-de-Calais" },
                    { "63", "Puy-de-Dôme" },
                    { "64", "Pyrénées-Atlantiques" },
                    { "65", "Hautes-Pyrénées" },
                    { "66", "Pyrénées-Orientales" },
                    { "67", "Bas-Rhin" },
                    { "68", "Haut-Rhin" },
                    { "69", "Rhône" },
                    { "70", "Haute-Saône" },
                    { "71", "Saône-et-Loire" },
                    { "72", "Sarthe" },
                    { "73", "Savoie" },
                    { "74", "Haute-Savoie" },
                    { "75", "Paris" },
                    { "76", "Seine-Maritime" },
                    { "77", "Seine-et-Marne" },
                    { "78", "Yvelines" },
                    { "79", "Deux-Sèvres" },
                    { "80", "Somme" },
                    { "81", "Tarn" },
                    { "82", "Tarn-et-Garonne" },
                    { "83", "Var" },
                    { "84", "Vaucluse" },
                    { "85", "Vendée" },
                    { "86", "Vienne" },
                    { "87", "Haute-Vienne" },
                    { "88", "Vosges" },
                    { "89", "Yonne" },
                    { "90", "Territoire de Belfort" },
                    { "91", "Essonne" },
                    { "92", "Hauts-de-Seine" },
                    { "93", "Seine-Saint-Denis" },
                    { "94", "Val-de-Marne" },
                    { "95", "Val-d'Oise" },
                    { "971", "Guadeloupe" },
                    { "972", "Martinique" },
                    { "973", "Guyane" },
                    { "974", "La Réunion" },
                    { "975", "Saint-Pierre-et-Miquelon" },
                    { "976", "Mayotte" },
                    { "ZZ", "Français établis hors de France" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Location",
                table: "People",
                column: "Location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_People_SectionId_LastName_FirstName_Id",
                table: "People",
                columns: new[] { "SectionId", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Tags",
                table: "People",
                column: "Tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrantEvents_GranteeId",
                table: "RoleGrantEvents",
                column: "GranteeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrantEvents_GrantId",
                table: "RoleGrantEvents",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_FederationCode_SectionId",
                table: "RoleGrants",
                columns: new[] { "FederationCode", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_GrantedById",
                table: "RoleGrants",
                column: "GrantedById");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_ParentGrantId",
                table: "RoleGrants",
                column: "ParentGrantId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_PersonId",
                table: "RoleGrants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_RevokedById",
                table: "RoleGrants",
                column: "RevokedById");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_SectionId",
                table: "RoleGrants",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Sections_FederationCode_Name",
                table: "Sections",
                columns: new[] { "FederationCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_Territory",
                table: "Sections",
                column: "Territory")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoleGrantEvents");

            migrationBuilder.DropTable(
                name: "RoleGrants");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Sections");

            migrationBuilder.DropTable(
                name: "Federations");
        }
    }
}
