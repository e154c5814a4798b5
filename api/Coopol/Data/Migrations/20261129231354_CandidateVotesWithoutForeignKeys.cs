using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coopol.Data.Migrations
{
    /// <inheritdoc />
    public partial class CandidateVotesWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CandidateVotes_Candidates_CandidateId",
                table: "CandidateVotes");

            migrationBuilder.DropForeignKey(
                name: "FK_CandidateVotes_StationResults_ElectionId_StationId",
                table: "CandidateVotes");

            migrationBuilder.DropIndex(
                name: "IX_CandidateVotes_CandidateId",
                table: "CandidateVotes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CandidateVotes_CandidateId",
                table: "CandidateVotes",
                column: "CandidateId");

            migrationBuilder.AddForeignKey(
                name: "FK_CandidateVotes_Candidates_CandidateId",
                table: "CandidateVotes",
                column: "CandidateId",
                principalTable: "Candidates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CandidateVotes_StationResults_ElectionId_StationId",
                table: "CandidateVotes",
                columns: new[] { "ElectionId", "StationId" },
                principalTable: "StationResults",
                principalColumns: new[] { "ElectionId", "StationId" },
                onDelete: ReferentialAction.Cascade);
        }
    }
}
