// Each project here must resolve exactly the versions its Switchboard artifact is tested with.
evaluate(new File(compareScript))
