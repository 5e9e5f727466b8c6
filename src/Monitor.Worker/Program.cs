using Monitor.Worker.Cli;

return await MonitorCli.InvokeAsync(args);
