import NeuralBrainCommands

await NeuralBrainCommand.start()
