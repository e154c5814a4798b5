using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalData : Migration
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
                name: "ErasureRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByThemselves = table.Column<bool>(type: "boolean", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
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

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ActorId",
                table: "ErasureRecords",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_At",
                table: "ErasureRecords",
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
                name: "ErasureRecords");

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
