using Coopol;
using Coopol.Common;

// The Hangfire worker as a process of its own, for when the load calls for it: same library, same job storage.
// Run it with Jobs:RunServer=false on the API so only this process works the queues.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCoopolCore(builder.Configuration);
builder.Services.AddCoopolJobs(builder.Configuration, runServer: true);

var host = builder.Build();
host.Services.ScheduleCoopolJobs();
host.Run();
