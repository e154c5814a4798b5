using Coopol;

// The Hangfire worker as a process of its own, for when the load calls for it: same library, same job storage.
// Run the API with Jobs:RunServer=false so only this process works the queues. It has no caller of its own: each job
// acts for the person who started it.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCoopolCore(builder.Configuration);
builder.Services.AddCoopolJobs(builder.Configuration, runServer: true);

var host = builder.Build();
host.Services.ScheduleCoopolJobs();
host.Run();
