print("neuralbrain")
