using Fos1.Ctl;

return await Fos1Ctl.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
