using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Coopol.Fakes;

/// <summary>A real SMTP server on a local port (the SmtpServer library), keeping what it receives as parsed MIME
/// messages. A test makes it refuse a recipient for a while (4xx) or for good (5xx).</summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SmtpReplyCode>> _refusals = new(StringComparer.OrdinalIgnoreCase);

    public int Port { get; }
    public IReadOnlyCollection<MimeMessage> Received => _received.ToArray();

    private LocalSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(port).Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter(_refusals));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public static LocalSmtpServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new LocalSmtpServer(port);
    }

    /// <summary>The next RCPT TO this address gets these replies, in turn (450 MailboxUnavailable... or 550).</summary>
    public void Refuse(string address, params SmtpReplyCode[] codes)
    {
        var queue = _refusals.GetOrAdd(address, _ => new ConcurrentQueue<SmtpReplyCode>());
        foreach (var code in codes) queue.Enqueue(code);
    }

    public void Reset()
    {
        _received.Clear();
        _refusals.Clear();
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, ConcurrentQueue<SmtpReplyCode>> refusals) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct)
        {
            var address = $"{to.User}@{to.Host}";
            if (refusals.TryGetValue(address, out var queue) && queue.TryDequeue(out var code))
                throw new SmtpResponseException(new SmtpResponse(code, (int)code >= 500 ? "No such mailbox" : "Try again later"));
            return Task.FromResult(true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }
        _stop.Dispose();
    }
}
